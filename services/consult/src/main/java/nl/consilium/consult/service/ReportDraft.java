package nl.consilium.consult.service;

import nl.consilium.events.consult.Conclusion;

/** What the specialist wrote in the report, before signing it. */
public record ReportDraft(String findings, Conclusion conclusion, String recommendations) {
}
