package io.github.camelrecurrente.sandbox.webhook;

/**
 * Where one message goes: an endpoint and its secret.
 *
 * @param endpointId ep_ id
 * @param url        receiver URL
 * @param secret     whsec_ signing secret
 */
public record WebhookTarget(String endpointId, String url, String secret) {

    @Override
    public String toString() {
        return "WebhookTarget[" + endpointId + ", " + url + "]";
    }
}
