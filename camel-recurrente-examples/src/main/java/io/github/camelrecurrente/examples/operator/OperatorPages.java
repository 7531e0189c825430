package io.github.camelrecurrente.examples.operator;

import java.io.StringWriter;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import org.apache.camel.Message;

/**
 * The HTML pages of the operator port, rendered from the Mustache templates in {@code classpath:templates/operator}
 * ({@code login.mustache}, {@code status-page.mustache} and its {@code table.mustache}): the markup lives in the
 * template files, the Java side only builds the model. Mustache HTML-escapes every {@code {{value}}}, so nothing from
 * the ledger or a request becomes markup. Templates are compiled once and cached.
 */
final class OperatorPages {

    private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("templates/operator");

    private OperatorPages() {}

    /** @return the page {@code name} ({@code templates/operator/<name>.mustache}) rendered with {@code model} */
    static String render(String name, Map<String, ?> model) {
        Mustache template = TEMPLATES.compile(name + ".mustache");
        StringWriter out = new StringWriter(8192);
        template.execute(out, model);
        return out.toString();
    }

    /** Answers the page as {@code text/html} with this status. */
    static void answer(Message message, int status, String name, Map<String, ?> model) {
        OperatorResponses.answer(message, status, "text/html; charset=UTF-8", render(name, model));
    }
}
