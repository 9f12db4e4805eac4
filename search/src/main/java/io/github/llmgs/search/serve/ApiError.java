package io.github.llmgs.search.serve;

/**
 * A request the API refuses: an HTTP status and a one-line message naming the field at fault
 * (null when the request as a whole is). Thrown while reading a request, answered as
 * {@code {"error": ..., "field": ...}}; never a server failure.
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final String field;

    ApiError(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
