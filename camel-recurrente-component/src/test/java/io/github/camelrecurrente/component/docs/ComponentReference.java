package io.github.camelrecurrente.component.docs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelrecurrente.component.RecurrenteOperation;

/**
 * Renders the generated parts of {@code docs/component.md} from the component JSON that
 * camel-component-maven-plugin writes and from {@link RecurrenteOperation}, so the reference cannot drift from the
 * code: the operation table, one section per operation (HTTP call, body in and out, Java and YAML), the option
 * tables and the header table.
 */
public final class ComponentReference {

    public static final String JSON_RESOURCE = "/META-INF/io/github/camelrecurrente/component/recurrente.json";

    /** What each operation takes: the body it accepts, and the sample id/body used in its examples. */
    record OperationDoc(String bodyIn, String sampleId, String sampleBody) {}

    private static final Map<RecurrenteOperation, OperationDoc> DOCS = new EnumMap<>(RecurrenteOperation.class);

    static {
        put(RecurrenteOperation.testCredentials, "none", null, null);
        put(
                RecurrenteOperation.createCheckout,
                "`CheckoutRequest`, Map or JSON",
                null,
                "{\"items\":[{\"name\":\"Camisa\",\"amount_in_cents\":15000,\"currency\":\"GTQ\",\"quantity\":1}],"
                        + "\"success_url\":\"https://tienda.example/ok\"}");
        put(RecurrenteOperation.getCheckout, "none", "ch_123", null);
        put(
                RecurrenteOperation.listCheckouts,
                "none (filters: fromTime, untilTime, userId; page, items, allPages)",
                null,
                null);
        put(
                RecurrenteOperation.updateCheckout,
                "`CheckoutUpdateRequest`, Map or JSON",
                "ch_123",
                "{\"success_url\":\"https://tienda.example/gracias\"}");
        put(
                RecurrenteOperation.updatePaymentIntent,
                "`PaymentIntentUpdateRequest`, Map, JSON, the bare invoice URL, or header CamelRecurrenteTaxInvoiceUrl;"
                        + " wrapped as `{\"payment_intent\": {...}}`",
                "pa_123",
                "https://fel.example/facturas/A-0001.pdf");
        put(
                RecurrenteOperation.createProduct,
                "`ProductRequest`, Map or JSON; wrapped as `{\"product\": {...}}`",
                null,
                "{\"name\":\"Membresía\",\"prices_attributes\":[{\"amount_in_cents\":25000,\"currency\":\"GTQ\","
                        + "\"charge_type\":\"recurring\",\"billing_interval\":\"month\",\"billing_interval_count\":1}]}");
        put(RecurrenteOperation.getProduct, "none", "prod_123", null);
        put(RecurrenteOperation.listProducts, "none (page, items, allPages)", null, null);
        put(
                RecurrenteOperation.updateProduct,
                "`ProductRequest`, Map or JSON; wrapped as `{\"product\": {...}}`",
                "prod_123",
                "{\"name\":\"Membresía plus\"}");
        put(RecurrenteOperation.deleteProduct, "none (archives the product)", "prod_123", null);
        put(
                RecurrenteOperation.createCoupon,
                "`CouponRequest`, Map or JSON; wrapped as `{\"coupon\": {...}}`",
                null,
                "{\"name\":\"VERANO25\",\"amount_off_in_cents\":1500,\"currency\":\"GTQ\",\"duration\":\"once\"}");
        put(RecurrenteOperation.getCoupon, "none", "coup_123", null);
        put(RecurrenteOperation.listCoupons, "none (page, items, allPages)", null, null);
        put(
                RecurrenteOperation.updateCoupon,
                "`CouponRequest`, Map or JSON; wrapped as `{\"coupon\": {...}}`",
                "coup_123",
                "{\"name\":\"VERANO30\"}");
        put(RecurrenteOperation.deleteCoupon, "none", "coup_123", null);
        put(RecurrenteOperation.getSubscription, "none", "su_123", null);
        put(RecurrenteOperation.listSubscriptions, "none (page, items, allPages)", null, null);
        put(
                RecurrenteOperation.updateSubscription,
                "`SubscriptionUpdateRequest`, Map or JSON (`payment_method_id` from a `mode: setup` checkout)",
                "su_123",
                "{\"payment_method_id\":\"pay_m_123\"}");
        put(RecurrenteOperation.cancelSubscription, "none", "su_123", null);
        put(
                RecurrenteOperation.createUser,
                "`UserRequest`, Map or JSON",
                null,
                "{\"email\":\"ana@example.com\",\"full_name\":\"Ana López\"}");
        put(
                RecurrenteOperation.createCustomer,
                "`CustomerRequest`, Map or JSON (find-or-create by email)",
                null,
                "{\"email\":\"ana@example.com\",\"full_name\":\"Ana López\",\"nit\":\"1234567-8\"}");
        put(
                RecurrenteOperation.getCustomer,
                "none (lookup by user id: header CamelRecurrenteUserId or option userId)",
                "cus_123",
                null);
        put(RecurrenteOperation.listCustomers, "none (page, items, allPages)", null, null);
        put(
                RecurrenteOperation.updateCustomer,
                "`CustomerRequest`, Map or JSON (metadata deep-merge)",
                "cus_123",
                "{\"metadata\":{\"erp_id\":\"C-9\"}}");
        put(RecurrenteOperation.listIntents, "none (filters: fromTime, untilTime; page, items, allPages)", null, null);
        put(RecurrenteOperation.getIntent, "none", "in_123", null);
        put(
                RecurrenteOperation.createTransfer,
                "`TransferRequest`, Map or JSON",
                null,
                "{\"amount_in_cents\":2500,\"currency\":\"GTQ\",\"recipient_id\":\"@tiendados\"}");
        put(
                RecurrenteOperation.createRefund,
                "`RefundRequest`, Map, JSON, the bare payment intent id, or header CamelRecurrentePaymentIntentId",
                null,
                "pa_123");
        put(RecurrenteOperation.getRefund, "none", "re_123", null);
        put(
                RecurrenteOperation.createWebhookEndpoint,
                "`WebhookEndpointRequest`, Map or JSON",
                null,
                "{\"url\":\"https://erp.example/recurrente/events\",\"description\":\"ERP\"}");
        put(RecurrenteOperation.listWebhookEndpoints, "none", null, null);
        put(RecurrenteOperation.deleteWebhookEndpoint, "none", "ep_123", null);
        put(
                RecurrenteOperation.createOneTimePayment,
                "`OneTimePaymentRequest`, Map or JSON",
                null,
                "{\"payment_method_id\":\"pay_m_123\",\"items\":[{\"name\":\"Recarga\",\"amount_in_cents\":7500,"
                        + "\"currency\":\"GTQ\",\"quantity\":1}]}");
        put(
                RecurrenteOperation.createTerminalSessionCommand,
                "`TerminalSessionCommandRequest`, Map or JSON (`external_id` is the idempotency key)",
                null,
                "{\"terminal_id\":\"term_1\",\"external_id\":\"pos-77\",\"amount_in_cents\":12000,\"currency\":\"GTQ\"}");
    }

    private static void put(RecurrenteOperation op, String bodyIn, String id, String body) {
        DOCS.put(op, new OperationDoc(bodyIn, id, body));
    }

    private ComponentReference() {}

    public static JsonNode componentJson() throws IOException {
        try (InputStream in = ComponentReference.class.getResourceAsStream(JSON_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("component JSON not on the classpath: " + JSON_RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        }
    }

    /** Operations without a documentation entry (should be none but {@code events}). */
    public static List<RecurrenteOperation> undocumented() {
        List<RecurrenteOperation> missing = new ArrayList<>();
        for (RecurrenteOperation op : RecurrenteOperation.values()) {
            if (op != RecurrenteOperation.events && !DOCS.containsKey(op)) {
                missing.add(op);
            }
        }
        return missing;
    }

    /** The generated Markdown block. */
    public static String render() throws IOException {
        JsonNode json = componentJson();
        StringBuilder md = new StringBuilder();
        md.append("## Operations\n\n");
        md.append("| operation | HTTP call | body in | body out |\n|---|---|---|---|\n");
        for (RecurrenteOperation op : RecurrenteOperation.values()) {
            if (op == RecurrenteOperation.events) {
                continue;
            }
            OperationDoc doc = DOCS.get(op);
            md.append("| [`")
                    .append(op)
                    .append("`](#")
                    .append(op.name().toLowerCase())
                    .append(") | `")
                    .append(http(op))
                    .append("` | ")
                    .append(doc == null ? "" : doc.bodyIn())
                    .append(" | ")
                    .append(out(op))
                    .append(" |\n");
        }
        md.append(
                "| `events` | consumer: signed webhooks (see receiving-events.md) | | `RecurrenteEvent` subtype |\n\n");

        for (RecurrenteOperation op : RecurrenteOperation.values()) {
            if (op == RecurrenteOperation.events || !DOCS.containsKey(op)) {
                continue;
            }
            renderOperation(md, op, DOCS.get(op));
        }

        md.append(
                "## Component options\n\nSet as `camel.component.recurrente.<kebab-name>` (defaults for every endpoint).\n\n");
        table(md, json.get("componentProperties"));
        md.append("\n## Endpoint options\n\nPath: `recurrente:operation`. Query options override the component's.\n\n");
        table(md, json.get("properties"));
        md.append("\n## Message headers\n\n| header | type | description |\n|---|---|---|\n");
        Iterator<Map.Entry<String, JsonNode>> headers = json.get("headers").fields();
        while (headers.hasNext()) {
            Map.Entry<String, JsonNode> h = headers.next();
            md.append("| `")
                    .append(h.getKey())
                    .append("` | ")
                    .append(h.getValue().path("javaType").asText())
                    .append(" | ")
                    .append(label(h.getValue()))
                    .append(cell(h.getValue().path("description").asText()))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static void renderOperation(StringBuilder md, RecurrenteOperation op, OperationDoc doc) {
        md.append("### ").append(op).append("\n\n");
        md.append("`")
                .append(http(op))
                .append("`. Body in: ")
                .append(doc.bodyIn())
                .append(". Body out: ")
                .append(out(op))
                .append(".");
        if (op.needsId()) {
            md.append(" Resource id from header `CamelRecurrenteId` or option `id`.");
        }
        md.append("\n\n```java\n");
        md.append("from(\"direct:").append(op).append("\")\n");
        if (doc.sampleId() != null) {
            md.append("    .setHeader(RecurrenteConstants.ID, constant(\"")
                    .append(doc.sampleId())
                    .append("\"))\n");
        }
        if (doc.sampleBody() != null) {
            md.append("    .setBody(constant(\"")
                    .append(doc.sampleBody().replace("\"", "\\\""))
                    .append("\"))\n");
        }
        md.append("    .to(\"recurrente:")
                .append(op)
                .append(op.isList() ? "?items=50" : "")
                .append("\")\n");
        md.append("    .log(\"")
                .append(
                        op.isList()
                                ? "${body.size} items, total ${header.CamelRecurrenteTotalCount}"
                                : "${header.CamelRecurrenteId}")
                .append("\");\n```\n\n");
        md.append("```yaml\n- route:\n    from:\n      uri: direct:").append(op).append("\n      steps:\n");
        if (doc.sampleId() != null) {
            md.append("        - setHeader:\n            name: CamelRecurrenteId\n            constant: ")
                    .append(doc.sampleId())
                    .append('\n');
        }
        if (doc.sampleBody() != null) {
            md.append("        - setBody:\n            constant: '")
                    .append(doc.sampleBody())
                    .append("'\n");
        }
        md.append("        - to:\n            uri: recurrente\n            parameters:\n              operation: ")
                .append(op)
                .append('\n');
        if (op.isList()) {
            md.append("              items: 50\n");
        }
        md.append("```\n\n");
    }

    private static String http(RecurrenteOperation op) {
        String method = switch (op.verb()) {
            case UPDATE -> "PATCH (PUT with updateMethod=PUT)";
            default -> op.verb().name();
        };
        return method + " " + op.pathTemplate();
    }

    private static String out(RecurrenteOperation op) {
        String type = "`" + op.resultType().getSimpleName() + "`";
        return op.isList()
                ? "`List<" + op.resultType().getSimpleName() + ">` (or a lazy `Iterator` with allPages)"
                : type;
    }

    private static void table(StringBuilder md, JsonNode props) {
        md.append("| option | group | type | default | description |\n|---|---|---|---|---|\n");
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode v = p.getValue();
            md.append("| `")
                    .append(p.getKey())
                    .append("`")
                    .append(v.path("secret").asBoolean() ? " (secret)" : "")
                    .append(v.path("required").asBoolean() ? " (required)" : "")
                    .append(" | ")
                    .append(v.path("label").asText(v.path("group").asText()))
                    .append(" | ")
                    .append(v.path("type").asText())
                    .append(" | ")
                    .append(v.has("defaultValue") ? "`" + v.get("defaultValue").asText() + "`" : "")
                    .append(" | ")
                    .append(cell(v.path("description").asText()))
                    .append(" |\n");
        }
    }

    private static String label(JsonNode header) {
        String label = header.path("label").asText();
        return label.isEmpty() ? "" : "(" + label + ") ";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
