package io.github.camelrecurrente.examples.arch;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelrecurrente.examples.RecurrenteExamplesApp;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example bundle's arrows run one way (docs/architecture.md, "The example bundle"): no class file of a package
 * names a type of a package it may not import, in its constant pool, so a back-arrow (the ledger importing a
 * stand-in, the operator console or the app) fails the build. The check reads the compiled production classes as they
 * are; the entry point is the only class of the root package and nothing imports it.
 */
class PackageArrowsTest {

    private static final String ROOT = "io/github/camelrecurrente/examples/";

    /** What the app (wiring every package) may import; the demo may import the same and the app. */
    private static final List<String> APP_IMPORTS =
            List.of("ledger", "review", "inbox", "invoicing", "refunds", "reconciliation", "operator", "standins");

    private static Set<String> union(List<String> packages, String more) {
        Set<String> all = new HashSet<>(packages);
        all.add(more);
        return Set.copyOf(all);
    }

    /** Every package of the bundle and the packages it may import (besides itself). */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("ledger", Set.of()),
            Map.entry("review", Set.of("ledger")),
            Map.entry("inbox", Set.of("ledger")),
            Map.entry("invoicing", Set.of("ledger", "inbox")),
            Map.entry("refunds", Set.of("ledger")),
            Map.entry("reconciliation", Set.of("ledger", "review")),
            Map.entry("operator", Set.of("ledger", "review", "inbox", "invoicing", "refunds", "reconciliation")),
            Map.entry("standins", Set.of()),
            Map.entry("app", Set.copyOf(APP_IMPORTS)),
            Map.entry("demo", union(APP_IMPORTS, "app")));

    /** A reference to a package of the bundle ({@code group(1)}) or to a class of the root package ({@code group(2)}). */
    private static final Pattern REFERENCE =
            Pattern.compile(Pattern.quote(ROOT) + "(?:([a-z][a-z0-9_]*)/|([A-Z][A-Za-z0-9_$]*))");

    @Test
    void everyArrowRunsTheAllowedWay() throws Exception {
        Path classes = classesDir();
        List<String> offences = new ArrayList<>();
        int scanned = 0;
        for (String pkg : packages(classes)) {
            Set<String> allowed = ALLOWED.get(pkg);
            if (allowed == null) {
                offences.add("package " + pkg + " is not in ALLOWED: say what it may import");
                continue;
            }
            for (Path file : classFiles(classes.resolve(ROOT + pkg))) {
                scanned++;
                offences.addAll(backArrows(classes.relativize(file).toString(), pkg, allowed, read(file)));
            }
        }
        assertTrue(scanned > 30, "scanned the bundle's classes: " + scanned);
        assertEquals(List.of(), offences);
    }

    @Test
    void theRootPackageHoldsTheEntryPointOnly() throws Exception {
        List<String> names = new ArrayList<>();
        for (Path file : classFiles(classesDir().resolve(ROOT))) {
            String name = file.getFileName().toString();
            if (!name.startsWith(RecurrenteExamplesApp.class.getSimpleName())) {
                names.add(name);
            }
        }
        assertEquals(List.of(), names);
    }

    @Test
    void theCheckSeesABackArrow() throws Exception {
        // the scan on real class files finds what it must, so the test above cannot pass vacuously: the app imports
        // stand-ins (allowed there, a back-arrow from the ledger), and the entry point imports the app
        Path classes = classesDir();
        String stack = read(classes.resolve(ROOT + "app/ExamplesStack.class"));
        assertEquals(List.of(), backArrows("ExamplesStack", "app", ALLOWED.get("app"), stack));
        List<String> fromTheLedger = backArrows("ExamplesStack", "ledger", ALLOWED.get("ledger"), stack);
        assertTrue(fromTheLedger.contains("ExamplesStack references standins"), fromTheLedger.toString());
        assertTrue(fromTheLedger.contains("ExamplesStack references operator"), fromTheLedger.toString());
        String app = read(classes.resolve(ROOT + "RecurrenteExamplesApp.class"));
        assertTrue(app.contains(ROOT + "app/"));
        assertEquals(
                List.of("Fake references the root package: RecurrenteExamplesApp"),
                backArrows("Fake", "ledger", Set.of(), "L" + ROOT + "RecurrenteExamplesApp;"));
    }

    /** The references of one class file that its package may not make. */
    static List<String> backArrows(String name, String pkg, Set<String> allowed, String constantPool) {
        Set<String> found = new TreeSet<>();
        List<String> offences = new ArrayList<>();
        Matcher m = REFERENCE.matcher(constantPool);
        while (m.find()) {
            if (m.group(1) != null) {
                String target = m.group(1);
                if (!target.equals(pkg) && !allowed.contains(target) && found.add(target)) {
                    offences.add(name + " references " + target);
                }
            } else if (found.add("root:" + m.group(2))) {
                offences.add(name + " references the root package: " + m.group(2));
            }
        }
        return offences;
    }

    private static List<String> packages(Path classes) throws IOException {
        try (Stream<Path> dirs = Files.list(classes.resolve(ROOT))) {
            return dirs.filter(Files::isDirectory)
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> classFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    private static Path classesDir() throws URISyntaxException {
        Path classes = Path.of(RecurrenteExamplesApp.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        assertTrue(Files.isDirectory(classes.resolve(ROOT)), "tests run against target/classes: " + classes);
        return classes;
    }
}
