package io.github.camelrecurrente.examples.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * STAND-IN SMTP server: an embedded GreenMail that accepts every message on 127.0.0.1 and keeps it in memory, so the
 * example can send real SMTP without a mail account. Replace it by setting {@code mail.smtp.uri} to your SMTP
 * server (e.g. {@code smtps://smtp.example.com:465?username=...&password=RAW(...)}).
 */
public final class StandInSmtpServer implements AutoCloseable {

    private final GreenMail greenMail;
    private final int port;

    private StandInSmtpServer(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    /** Starts on 127.0.0.1 at the given port (0 = a free port). */
    public static StandInSmtpServer start(int port) {
        int p = port == 0 ? freePort() : port;
        GreenMail gm = new GreenMail(new ServerSetup(p, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        gm.start();
        return new StandInSmtpServer(gm, p);
    }

    /** @return the camel-mail endpoint URI to configure as {@code mail.smtp.uri} */
    public String smtpUri() {
        return "smtp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** @return every message received so far */
    public List<MimeMessage> receivedMessages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** @return the subjects of the messages received so far */
    public List<String> receivedSubjects() {
        List<String> out = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                out.add(m.getSubject());
            } catch (MessagingException e) {
                out.add("?");
            }
        }
        return out;
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
