package io.github.camelrecurrente.examples.app;

import java.util.Locale;
import java.util.function.Function;

/**
 * Where this run's e-mails go, decided before anything starts: {@code mail.smtp} = {@code server} (the SMTP server of
 * {@code mail.smtp.uri}) or {@code stand-in} (the embedded GreenMail, which delivers nothing). Default: {@code server}
 * when {@code mail.smtp.uri} is set; else {@code stand-in} in sandbox mode, and in real-API mode no default (the app
 * does not start): the stand-in never takes a real customer's receipt unless asked for.
 */
final class MailSetup {

    static final String MODE = "mail.smtp";
    static final String URI = "mail.smtp.uri";

    private MailSetup() {}

    /**
     * @return true when the embedded stand-in SMTP server is to be started
     * @throws IllegalArgumentException naming the property and the rule
     */
    static boolean standIn(Function<String, String> setting, boolean sandboxMode) {
        String mode = setting.apply(MODE);
        String uri = setting.apply(URI);
        if (mode == null) {
            if (uri != null) {
                return false;
            }
            if (sandboxMode) {
                return true;
            }
            throw new IllegalArgumentException(URI + ": is not set. With Recurrente keys (real-API mode) set it to your"
                    + " SMTP server, e.g. smtps://smtp.example.com:465?username=...&password=RAW(...), or set " + MODE
                    + "=stand-in to keep the e-mails in an embedded stand-in that delivers nothing");
        }
        switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "stand-in" -> {
                if (uri != null) {
                    throw new IllegalArgumentException(
                            MODE + "=stand-in and " + URI + " are both set: choose one (stand-in delivers nothing)");
                }
                return true;
            }
            case "server" -> {
                if (uri == null) {
                    throw new IllegalArgumentException(
                            MODE + "=server needs " + URI + " (e.g. smtps://smtp.example.com:465?username=...)");
                }
                return false;
            }
            default -> throw new IllegalArgumentException(MODE + ": '" + mode + "' is not server or stand-in");
        }
    }
}
