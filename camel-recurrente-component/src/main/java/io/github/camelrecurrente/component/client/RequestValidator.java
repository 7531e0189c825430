package io.github.camelrecurrente.component.client;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrecurrente.component.RecurrenteOperation;
import io.github.camelrecurrente.component.RecurrenteValidationException;

/**
 * Checks a request body (as a JSON tree, whatever form it came in) against the API's documented rules before any
 * HTTP call, so a route fails with a message naming the field and the rule instead of a 422 round trip:
 * currency GTQ/USD, quantity 1..9, amounts above zero, metadata limits (50 keys, 40-char names, 500-char values),
 * and the fields each operation cannot do without.
 */
public final class RequestValidator {

    public static final Set<String> CURRENCIES = Set.of("GTQ", "USD");
    public static final int MAX_QUANTITY = 9;
    public static final int MAX_METADATA_KEYS = 50;
    public static final int MAX_METADATA_KEY_LENGTH = 40;
    public static final int MAX_METADATA_VALUE_LENGTH = 500;

    private RequestValidator() {
    }

    /**
     * @param body the body as sent (after wrapping under the operation's request root), or null
     */
    public static void validate(RecurrenteOperation op, JsonNode body) {
        if (!op.hasBody()) {
            return;
        }
        String name = op.name();
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new RecurrenteValidationException(name, "body", "is required (a request object, Map or JSON)");
        }
        if (!body.isObject()) {
            throw new RecurrenteValidationException(name, "body", "must be a JSON object, was " + body.getNodeType());
        }
        JsonNode root = op.requestRoot() == null ? body : body.path(op.requestRoot());
        String prefix = op.requestRoot() == null ? "" : op.requestRoot() + ".";
        switch (op) {
            case createCheckout -> {
                boolean setupMode = "setup".equals(root.path("mode").asText(null));
                checkItems(name, root, "items", !setupMode);
                checkMetadata(name, root, "metadata");
                JsonNode setups = root.path("transfer_setups");
                if (setups.isArray()) {
                    for (int i = 0; i < setups.size(); i++) {
                        JsonNode s = setups.get(i);
                        checkPositive(name, s, "transfer_setups[" + i + "].amount_in_cents", "amount_in_cents", true);
                        requireText(name, s, "transfer_setups[" + i + "].recipient_id", "recipient_id");
                    }
                }
            }
            case updateCheckout -> {
                checkItems(name, root, "items", false);
                checkMetadata(name, root, "metadata");
            }
            case createOneTimePayment -> {
                requireText(name, root, "payment_method_id", "payment_method_id");
                checkItems(name, root, "items", true);
            }
            case createProduct, updateProduct -> {
                if (op == RecurrenteOperation.createProduct) {
                    requireText(name, root, prefix + "name", "name");
                }
                checkMetadata(name, root, prefix + "metadata");
                JsonNode prices = root.path("prices_attributes");
                if (prices.isArray()) {
                    for (int i = 0; i < prices.size(); i++) {
                        JsonNode p = prices.get(i);
                        if (p.path("_destroy").asBoolean(false)) {
                            continue;
                        }
                        String at = prefix + "prices_attributes[" + i + "].";
                        checkCurrency(name, p, at + "currency", op == RecurrenteOperation.createProduct);
                        checkPositive(name, p, at + "amount_in_cents", "amount_in_cents", false);
                    }
                }
            }
            case createCoupon, updateCoupon -> {
                if (op == RecurrenteOperation.createCoupon) {
                    requireText(name, root, prefix + "name", "name");
                }
                checkCurrency(name, root, prefix + "currency", false);
                checkPositive(name, root, prefix + "amount_off_in_cents", "amount_off_in_cents", false);
                JsonNode pct = root.get("percent_off");
                if (pct != null && !pct.isNull() && (pct.asDouble() <= 0 || pct.asDouble() > 100)) {
                    throw new RecurrenteValidationException(name, prefix + "percent_off",
                            "must be above 0 and at most 100, was " + pct.asText());
                }
            }
            case updatePaymentIntent -> {
                String url = requireText(name, root, prefix + "tax_invoice_url", "tax_invoice_url");
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    throw new RecurrenteValidationException(name, prefix + "tax_invoice_url",
                            "must be an http(s) URL, was '" + shorten(url) + "'");
                }
            }
            case createRefund -> {
                if (text(root, "payment_intent_id") == null && text(root, "intent_id") == null) {
                    throw new RecurrenteValidationException(name, "payment_intent_id",
                            "is required (or intent_id): the payment to refund; the body may also be just the id, or"
                                                                                         + " set header CamelRecurrentePaymentIntentId");
                }
                checkPositive(name, root, "amount_in_cents", "amount_in_cents", false);
            }
            case createTransfer -> {
                checkPositive(name, root, "amount_in_cents", "amount_in_cents", true);
                checkCurrency(name, root, "currency", true);
                requireText(name, root, "recipient_id", "recipient_id");
            }
            case createUser, createCustomer -> requireText(name, root, "email", "email");
            case updateCustomer -> checkMetadata(name, root, "metadata");
            case updateSubscription -> requireText(name, root, "payment_method_id", "payment_method_id");
            case createWebhookEndpoint -> {
                String url = requireText(name, root, "url", "url");
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    throw new RecurrenteValidationException(name, "url",
                            "must be an http(s) URL, was '" + shorten(url) + "'");
                }
            }
            case createTerminalSessionCommand -> {
                requireText(name, root, "terminal_id", "terminal_id");
                requireText(name, root, "external_id", "external_id");
                checkCurrency(name, root, "currency", false);
                checkPositive(name, root, "amount_in_cents", "amount_in_cents", false);
                if (text(root, "amount_in_cents") == null && text(root, "amount") == null) {
                    throw new RecurrenteValidationException(name, "amount_in_cents", "is required (or amount)");
                }
            }
            default -> {
                // no documented rules
            }
        }
    }

    private static void checkItems(String op, JsonNode root, String field, boolean required) {
        JsonNode items = root.get(field);
        if (items == null || items.isNull()) {
            if (required) {
                throw new RecurrenteValidationException(op, field, "is required: at least one item");
            }
            return;
        }
        if (!items.isArray()) {
            throw new RecurrenteValidationException(op, field, "must be an array of items");
        }
        if (items.isEmpty() && required) {
            throw new RecurrenteValidationException(op, field, "is required: at least one item");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = field + "[" + i + "].";
            if (!item.isObject()) {
                throw new RecurrenteValidationException(op, field + "[" + i + "]", "must be an object");
            }
            checkCurrency(op, item, at + "currency", false);
            checkPositive(op, item, at + "amount_in_cents", "amount_in_cents", false);
            JsonNode q = item.get("quantity");
            if (q != null && !q.isNull()) {
                long quantity = asLong(op, at + "quantity", q);
                if (quantity < 1 || quantity > MAX_QUANTITY) {
                    throw new RecurrenteValidationException(op, at + "quantity",
                            "must be between 1 and " + MAX_QUANTITY + ", was " + q.asText());
                }
            }
            boolean inline = text(item, "price_id") == null && text(item, "product_id") == null;
            if (inline && text(item, "amount_in_cents") != null) {
                checkCurrency(op, item, at + "currency", true);
            }
            checkMetadata(op, item, "metadata", at + "metadata");
        }
    }

    private static void checkCurrency(String op, JsonNode node, String path, boolean required) {
        String field = leaf(path);
        String currency = text(node, field);
        if (currency == null) {
            if (required) {
                throw new RecurrenteValidationException(op, path, "is required: GTQ or USD");
            }
            return;
        }
        if (!CURRENCIES.contains(currency)) {
            throw new RecurrenteValidationException(op, path, "must be GTQ or USD, was '" + shorten(currency) + "'");
        }
    }

    private static void checkPositive(String op, JsonNode node, String path, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                throw new RecurrenteValidationException(op, path, "is required");
            }
            return;
        }
        long amount = asLong(op, path, v);
        if (amount <= 0) {
            throw new RecurrenteValidationException(op, path, "must be greater than 0, was " + v.asText());
        }
    }

    private static long asLong(String op, String path, JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            throw new RecurrenteValidationException(op, path, "must be a whole number (cents), was " + v.asText());
        }
        try {
            return Long.parseLong(v.asText().trim());
        } catch (NumberFormatException e) {
            throw new RecurrenteValidationException(op, path,
                    "must be a whole number, was '" + shorten(v.asText()) + "'");
        }
    }

    private static void checkMetadata(String op, JsonNode root, String path) {
        checkMetadata(op, root, leaf(path), path);
    }

    private static void checkMetadata(String op, JsonNode node, String field, String path) {
        JsonNode md = node.get(field);
        if (md == null || md.isNull()) {
            return;
        }
        if (!md.isObject()) {
            throw new RecurrenteValidationException(op, path, "must be an object of key/value pairs");
        }
        if (md.size() > MAX_METADATA_KEYS) {
            throw new RecurrenteValidationException(op, path,
                    "may have at most " + MAX_METADATA_KEYS + " keys, has " + md.size());
        }
        Iterator<Map.Entry<String, JsonNode>> it = md.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().length() > MAX_METADATA_KEY_LENGTH) {
                throw new RecurrenteValidationException(op, path + "." + shorten(e.getKey()),
                        "key may be at most " + MAX_METADATA_KEY_LENGTH + " characters, has "
                                                                              + e.getKey().length());
            }
            JsonNode value = e.getValue();
            String text = value.isValueNode() ? value.asText() : value.toString();
            if (text.length() > MAX_METADATA_VALUE_LENGTH) {
                throw new RecurrenteValidationException(op, path + "." + e.getKey(),
                        "value may be at most " + MAX_METADATA_VALUE_LENGTH + " characters, has " + text.length());
            }
        }
    }

    private static String requireText(String op, JsonNode node, String path, String field) {
        String v = text(node, field);
        if (v == null) {
            throw new RecurrenteValidationException(op, path, "is required");
        }
        return v;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
