package io.github.camelrecurrente.component;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelrecurrente.component.model.CheckoutItem;
import io.github.camelrecurrente.component.model.CheckoutRequest;
import io.github.camelrecurrente.component.model.TransferSetup;

/**
 * Checks a request body (as a JSON tree, whatever form it came in) against the API's documented rules before any
 * HTTP call, so a route fails with a message naming the field and the rule instead of a 422 round trip:
 * currency GTQ/USD, quantity 1..9, amounts above zero, metadata limits (50 keys, 40-char names, 500-char values),
 * and the fields each operation cannot do without.
 * <p>
 * createCheckout also has a typed twin, {@link #validateCheckout(CheckoutRequest)}, that applies the same rules in
 * the same order with the same messages straight to a {@link CheckoutRequest}; both build their messages with the
 * helpers at the end of this class.
 */
final class RequestValidator {

    public static final Set<String> CURRENCIES = Set.of("GTQ", "USD");
    public static final int MAX_QUANTITY = 9;
    public static final int MAX_METADATA_KEYS = 50;
    public static final int MAX_METADATA_KEY_LENGTH = 40;
    public static final int MAX_METADATA_VALUE_LENGTH = 500;

    private static final String CHECKOUT = RecurrenteOperation.createCheckout.name();
    private static final String REQUIRED = "is required";
    private static final String ITEMS_REQUIRED = "is required: at least one item";
    private static final String CURRENCY_REQUIRED = "is required: GTQ or USD";

    private RequestValidator() {}

    /**
     * Checks a request body, as a JSON tree, against the operation's rules; throws on the first broken one.
     *
     * @param body the body as sent (after wrapping under the operation's request root), or null
     */
    static void validate(RecurrenteOperation op, JsonNode body) {
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
                        String at = element("transfer_setups", i) + ".";
                        // both "(Opcional)" in the docs (a blank recipient_id means your own account)
                        checkPositive(name, s, at + "amount_in_cents", "amount_in_cents", false);
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
                // "Create a coupon": currency "requerido si usas amount_off_in_cents"
                boolean amountOff = text(root, "amount_off_in_cents") != null;
                checkCurrency(name, root, prefix + "currency", amountOff && op == RecurrenteOperation.createCoupon);
                checkPositive(name, root, prefix + "amount_off_in_cents", "amount_off_in_cents", false);
                JsonNode pct = root.get("percent_off");
                if (pct != null && !pct.isNull() && (pct.asDouble() <= 0 || pct.asDouble() > 100)) {
                    throw new RecurrenteValidationException(
                            name, prefix + "percent_off", "must be above 0 and at most 100, was " + pct.asText());
                }
            }
            case updatePaymentIntent -> {
                String url = requireText(name, root, prefix + "tax_invoice_url", "tax_invoice_url");
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    throw new RecurrenteValidationException(
                            name, prefix + "tax_invoice_url", "must be an http(s) URL, was '" + shorten(url) + "'");
                }
            }
            case createRefund -> {
                String paymentIntent = text(root, "payment_intent_id");
                if (paymentIntent == null && text(root, "intent_id") == null) {
                    throw new RecurrenteValidationException(
                            name,
                            "payment_intent_id",
                            "is required: the payment intent (pa_...) to refund; the body may also be just the id,"
                                    + " or set header CamelRecurrentePaymentIntentId");
                }
                if (paymentIntent != null && paymentIntent.startsWith("in_")) {
                    throw new RecurrenteValidationException(
                            name,
                            "payment_intent_id",
                            "must be a payment intent id (pa_...), was the unified intent id "
                                    + shorten(paymentIntent));
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
                    throw new RecurrenteValidationException(
                            name, "url", "must be an http(s) URL, was '" + shorten(url) + "'");
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

    /**
     * Checks the resource id of an operation before any HTTP call: {@code PATCH/PUT /payment_intents/{id}} takes a
     * payment intent id ({@code pa_...}, "Update a payment intent"), not the {@code in_...} id of a unified intent
     * (the {@code CamelRecurrenteId} of an {@code intent.*} event).
     */
    static void validateId(RecurrenteOperation op, String id) {
        if (op == RecurrenteOperation.updatePaymentIntent
                && id != null
                && id.trim().startsWith("in_")) {
            throw new RecurrenteValidationException(
                    op.name(),
                    "id",
                    "must be a payment intent id (pa_...), was the unified intent id " + shorten(id.trim())
                            + "; an intent.* event carries the payment intent id in the header"
                            + " CamelRecurrentePaymentIntentId");
        }
    }

    /**
     * Checks a typed createCheckout request with exactly the rules of {@link #validate(RecurrenteOperation,
     * JsonNode)} on its JSON tree, in the same order and with the same exception (field and message), without
     * building the tree: items (required unless {@code mode} is {@code setup}), each item, the metadata, then each
     * transfer setup.
     * <p>
     * Only for a request whose JSON tree says exactly what its typed fields say: exactly the model classes, no
     * undeclared properties, no {@code null} list elements, metadata keyed by strings with scalar values (the
     * producer checks this before taking the typed path; anything else goes through the tree).
     */
    static void validateCheckout(CheckoutRequest request) {
        boolean required = !"setup".equals(request.getMode());
        List<CheckoutItem> items = request.getItems();
        if (required && (items == null || items.isEmpty())) {
            throw new RecurrenteValidationException(CHECKOUT, "items", ITEMS_REQUIRED);
        }
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                checkItem(i, items.get(i));
            }
        }
        checkMetadata(CHECKOUT, "metadata", request.getMetadata());
        List<TransferSetup> setups = request.getTransferSetups();
        if (setups != null) {
            for (int i = 0; i < setups.size(); i++) {
                checkTransferSetup(i, setups.get(i));
            }
        }
    }

    /** The typed twin of one iteration of {@link #checkItems(String, JsonNode, String, boolean)}. */
    private static void checkItem(int index, CheckoutItem item) {
        String currency = blankToNull(item.getCurrency());
        if (currency != null && !CURRENCIES.contains(currency)) {
            throw elementError("items", index, "currency", badCurrency(currency));
        }
        Long amount = item.getAmountInCents();
        if (amount != null && amount < 0) {
            throw elementError("items", index, "amount_in_cents", negative(amount.toString()));
        }
        Integer quantity = item.getQuantity();
        if (quantity != null && (quantity < 1 || quantity > MAX_QUANTITY)) {
            throw elementError("items", index, "quantity", badQuantity(quantity.toString()));
        }
        boolean inline = blankToNull(item.getPriceId()) == null && blankToNull(item.getProductId()) == null;
        if (inline && amount != null && currency == null) {
            throw elementError("items", index, "currency", CURRENCY_REQUIRED);
        }
        if (item.getMetadata() != null) {
            checkMetadata(CHECKOUT, element("items", index) + ".metadata", item.getMetadata());
        }
    }

    /** The typed twin of the transfer_setups loop of {@link #validate(RecurrenteOperation, JsonNode)}. */
    private static void checkTransferSetup(int index, TransferSetup setup) {
        Long amount = setup.getAmountInCents();
        if (amount != null && amount <= 0) {
            throw elementError("transfer_setups", index, "amount_in_cents", notPositive(amount.toString()));
        }
    }

    /** A createCheckout error on a field of a list element, e.g. {@code items[0].currency}. */
    private static RecurrenteValidationException elementError(String list, int index, String field, String rule) {
        return new RecurrenteValidationException(CHECKOUT, element(list, index) + "." + field, rule);
    }

    /** The typed twin of {@link #checkMetadata(String, JsonNode, String, String)}: metadata values are scalars. */
    private static void checkMetadata(String op, String path, Map<String, Object> metadata) {
        if (metadata == null) {
            return;
        }
        checkMetadataSize(op, path, metadata.size());
        for (Map.Entry<String, Object> e : metadata.entrySet()) {
            Object value = e.getValue();
            // a scalar's JSON text, as the tree's asText() gives it (null is "null")
            int length = value instanceof String s
                    ? s.length()
                    : String.valueOf(value).length();
            checkMetadataEntry(op, path, e.getKey(), length);
        }
    }

    private static void checkItems(String op, JsonNode root, String field, boolean required) {
        JsonNode items = root.get(field);
        if (items == null || items.isNull()) {
            if (required) {
                throw new RecurrenteValidationException(op, field, ITEMS_REQUIRED);
            }
            return;
        }
        if (!items.isArray()) {
            throw new RecurrenteValidationException(op, field, "must be an array of items");
        }
        if (items.isEmpty() && required) {
            throw new RecurrenteValidationException(op, field, ITEMS_REQUIRED);
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = element(field, i) + ".";
            if (!item.isObject()) {
                throw new RecurrenteValidationException(op, element(field, i), "must be an object");
            }
            checkCurrency(op, item, at + "currency", false);
            // 0 is documented: the card-update guide's checkout has one item of amount_in_cents 0
            checkNotNegative(op, item, at + "amount_in_cents", "amount_in_cents");
            JsonNode q = item.get("quantity");
            if (q != null && !q.isNull()) {
                long quantity = asLong(op, at + "quantity", q);
                if (quantity < 1 || quantity > MAX_QUANTITY) {
                    throw new RecurrenteValidationException(op, at + "quantity", badQuantity(q.asText()));
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
                throw new RecurrenteValidationException(op, path, CURRENCY_REQUIRED);
            }
            return;
        }
        if (!CURRENCIES.contains(currency)) {
            throw new RecurrenteValidationException(op, path, badCurrency(currency));
        }
    }

    private static void checkPositive(String op, JsonNode node, String path, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                throw new RecurrenteValidationException(op, path, REQUIRED);
            }
            return;
        }
        long amount = asLong(op, path, v);
        if (amount <= 0) {
            throw new RecurrenteValidationException(op, path, notPositive(v.asText()));
        }
    }

    private static void checkNotNegative(String op, JsonNode node, String path, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            return;
        }
        if (asLong(op, path, v) < 0) {
            throw new RecurrenteValidationException(op, path, negative(v.asText()));
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
            throw new RecurrenteValidationException(
                    op, path, "must be a whole number, was '" + shorten(v.asText()) + "'");
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
        checkMetadataSize(op, path, md.size());
        Iterator<Map.Entry<String, JsonNode>> it = md.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            String text = value.isValueNode() ? value.asText() : value.toString();
            checkMetadataEntry(op, path, e.getKey(), text.length());
        }
    }

    /** Metadata rule shared by the tree and typed checks: at most {@link #MAX_METADATA_KEYS} keys. */
    private static void checkMetadataSize(String op, String path, int size) {
        if (size > MAX_METADATA_KEYS) {
            throw new RecurrenteValidationException(
                    op, path, "may have at most " + MAX_METADATA_KEYS + " keys, has " + size);
        }
    }

    /**
     * Metadata rules shared by the tree and typed checks, for one entry: key and value (as JSON text) lengths.
     */
    private static void checkMetadataEntry(String op, String path, String key, int valueLength) {
        if (key.length() > MAX_METADATA_KEY_LENGTH) {
            throw new RecurrenteValidationException(
                    op,
                    path + "." + shorten(key),
                    "key may be at most " + MAX_METADATA_KEY_LENGTH + " characters, has " + key.length());
        }
        if (valueLength > MAX_METADATA_VALUE_LENGTH) {
            throw new RecurrenteValidationException(
                    op,
                    path + "." + key,
                    "value may be at most " + MAX_METADATA_VALUE_LENGTH + " characters, has " + valueLength);
        }
    }

    private static String requireText(String op, JsonNode node, String path, String field) {
        String v = text(node, field);
        if (v == null) {
            throw new RecurrenteValidationException(op, path, REQUIRED);
        }
        return v;
    }

    /** A scalar field's text, or null when it is absent, null, not a scalar or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        return blankToNull(v.asText());
    }

    /** A typed string field as {@link #text(JsonNode, String)} sees it: blank counts as absent. */
    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The path of a list element: {@code items[2]}. */
    private static String element(String list, int index) {
        return list + "[" + index + "]";
    }

    private static String badCurrency(String currency) {
        return "must be GTQ or USD, was '" + shorten(currency) + "'";
    }

    private static String negative(String shown) {
        return "must be 0 or more, was " + shown;
    }

    private static String notPositive(String shown) {
        return "must be greater than 0, was " + shown;
    }

    private static String badQuantity(String shown) {
        return "must be between 1 and " + MAX_QUANTITY + ", was " + shown;
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
