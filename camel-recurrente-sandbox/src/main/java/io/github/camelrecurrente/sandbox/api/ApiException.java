package io.github.camelrecurrente.sandbox.api;

/**
 * An API error answered as {@code {"message": message, "errors": {field: [detail]}}}
 * (or {@code {"error": message}} in legacy mode).
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String field;
    private final String detail;

    /**
     * @param status  HTTP status
     * @param message top-level message
     * @param field   key inside {@code errors}
     * @param detail  detail for the field
     */
    public ApiException(int status, String message, String field, String detail) {
        super(message);
        this.status = status;
        this.field = field;
        this.detail = detail;
    }

    /** 422 for an invalid field. */
    public static ApiException invalid(String field, String detail) {
        return new ApiException(422, "No se pudo procesar la solicitud: " + field + " " + detail, field, detail);
    }

    /** 404 for an unknown id. */
    public static ApiException notFound(String what, String id) {
        return new ApiException(
                404, "No encontrado: no existe " + what + " con id " + id, "id", "No existe " + what + " con id " + id);
    }

    /** 401 for bad keys. */
    public static ApiException unauthorized() {
        return new ApiException(
                401, "Autenticación Errónea 👀", "authentication", "Las llaves de API son inválidas o no coinciden.");
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the errors key */
    public String field() {
        return field;
    }

    /** @return the errors detail */
    public String detail() {
        return detail;
    }
}
