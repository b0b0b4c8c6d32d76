package nl.consilium.platform.audit;

/** The kinds of access NEN 7513 asks to be logged. */
public enum AccessKind {
    CREATE, READ, UPDATE, DELETE, SEARCH, EXPORT, EMERGENCY;

    String verb() {
        return name().toLowerCase();
    }
}
