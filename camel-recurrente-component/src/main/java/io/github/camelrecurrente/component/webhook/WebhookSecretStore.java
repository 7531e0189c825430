package io.github.camelrecurrente.component.webhook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The {@code webhookSecretFile}: where the signing secret of an auto-registered endpoint is kept, so a restart can
 * still verify (Recurrente returns the secret only when the endpoint is created). The file holds the
 * {@code whsec_...} secret on one line; it is written atomically with owner-only permissions where the file system
 * supports POSIX permissions. Messages name the file, never the secret.
 */
public final class WebhookSecretStore {

    private final Path file;

    public WebhookSecretStore(String file) {
        this.file = Path.of(file);
    }

    public Path getFile() {
        return file;
    }

    /** The stored secret, or {@code null} when the file does not exist or is blank. */
    public String read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String s = Files.readString(file, StandardCharsets.UTF_8).trim();
        return s.isEmpty() ? null : s;
    }

    /** Stores a secret, replacing any previous one. */
    public void write(String secret) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".recurrente-secret", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Deletes the stored secret; returns true when a file was deleted. */
    public boolean delete() throws IOException {
        return Files.deleteIfExists(file);
    }

    @Override
    public String toString() {
        return "WebhookSecretStore[" + file + "]";
    }
}
