package nl.consilium.consult.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A correction or addition to the final report. */
public record AddendumRequest(@NotBlank @Size(max = 8000) String text) {
}
