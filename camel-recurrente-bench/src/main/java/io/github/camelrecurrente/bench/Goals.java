package io.github.camelrecurrente.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Every goal verdict a report prints, collected as the sections run, for the summary block at the very end of the
 * report (one line per goal: its figure and verdict), so that a short goal cannot hide in a long report. A section
 * run in a child JVM hands its verdicts back as {@link #encode() lines} that the parent {@link #decode(String) reads}.
 */
final class Goals {

    /** How a goal came out: met, short, or not measured in this run (then the figure says why). */
    enum Verdict {
        MET("✅ met"),
        SHORT("❌ short"),
        NOT_MEASURED("– not measured");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        static Verdict of(boolean met) {
            return met ? MET : SHORT;
        }
    }

    /** One goal: what it asks ({@code "recurrente:events ≥ 0.90× bare"}), the figure measured, the verdict. */
    record Goal(String goal, String figure, Verdict verdict) {}

    private final List<Goal> goals = new ArrayList<>();

    /** Records a measured goal; returns its verdict text ("✅ met" / "❌ short") for the section's own line. */
    String add(String goal, String figure, boolean met) {
        Goal g = new Goal(goal, figure, Verdict.of(met));
        goals.add(g);
        return g.verdict().text;
    }

    /** Records a goal this run could not measure, and why (a skipped step, a failed probe). */
    void notMeasured(String goal, String why) {
        goals.add(new Goal(goal, why, Verdict.NOT_MEASURED));
    }

    List<Goal> all() {
        return List.copyOf(goals);
    }

    void addAll(List<Goal> more) {
        goals.addAll(more);
    }

    /** The summary block: a count, then one table row per goal, in the order they were measured. */
    String summary() {
        long met = goals.stream().filter(g -> g.verdict() == Verdict.MET).count();
        long short_ = goals.stream().filter(g -> g.verdict() == Verdict.SHORT).count();
        long unmeasured = goals.size() - met - short_;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%n### Goals: %d met, %d short", met, short_));
        if (unmeasured > 0) {
            sb.append(String.format(", %d not measured", unmeasured));
        }
        sb.append(String.format(" (of %d)%n%n", goals.size()));
        if (goals.isEmpty()) {
            return sb.append("No goal was measured in this run.\n").toString();
        }
        sb.append("| goal | figure | verdict |\n|---|---|---|\n");
        for (Goal g : goals) {
            sb.append(String.format("| %s | %s | %s |%n", cell(g.goal()), cell(g.figure()), g.verdict().text));
        }
        return sb.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "/").replace('\n', ' ');
    }

    /** One line per goal ({@code goal TAB figure TAB verdict}), for a child JVM's output. */
    String encode() {
        StringBuilder sb = new StringBuilder();
        for (Goal g : goals) {
            sb.append(flat(g.goal()))
                    .append('\t')
                    .append(flat(g.figure()))
                    .append('\t')
                    .append(g.verdict().name())
                    .append('\n');
        }
        return sb.toString();
    }

    /** The goals of {@link #encode()}'s text. */
    static List<Goal> decode(String text) {
        List<Goal> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 3) {
                out.add(new Goal(f[0], f[1], Verdict.valueOf(f[2].trim())));
            }
        }
        return out;
    }

    private static String flat(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }
}
