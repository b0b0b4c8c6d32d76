package nl.consilium.events.consult;

/** The specialist's conclusion relative to the treating doctor's policy. */
public enum Conclusion {
    CONFIRMS_POLICY,
    DIFFERENT_INSIGHT,
    FURTHER_INVESTIGATION_ADVISED
}
