package nl.consilium.platform.problem;

/** A request the service refuses for a reason the client can understand; answered as problem+json. */
public class ProblemException extends RuntimeException {

    private final String name;
    private final String title;
    private final int status;

    public ProblemException(String name, String title, int status, String detail) {
        super(detail);
        this.name = name;
        this.title = title;
        this.status = status;
    }

    /** 404: the thing does not exist, or the caller may not know that it does. */
    public static ProblemException notFound(String what) {
        return new ProblemException("not-found", "Not found", 404, what + " was not found");
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String name, String detail) {
        return new ProblemException(name, "Conflict with the current state", 409, detail);
    }

    /** 403: the caller is known but not allowed this. */
    public static ProblemException forbidden(String name, String detail) {
        return new ProblemException(name, "Forbidden", 403, detail);
    }

    /** 422: well-formed, but not something the platform can take. */
    public static ProblemException unprocessable(String name, String detail) {
        return new ProblemException(name, "Unprocessable request", 422, detail);
    }

    public Problem toProblem() {
        return Problem.of(name, title, status, getMessage());
    }

    public int status() {
        return status;
    }
}
