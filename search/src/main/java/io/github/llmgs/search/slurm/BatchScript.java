package io.github.llmgs.search.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A bash batch script for sbatch: comments that say what it is for, {@code #SBATCH} directives,
 * then the commands. Every word of a command is quoted for the shell unless it is plainly safe, so
 * an argument reaches the program exactly as it was given.
 */
public final class BatchScript {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private final List<String> comments = new ArrayList<>();
    private final List<String> directives = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();

    public BatchScript comment(String text) {
        for (String line : text.split("\n", -1)) comments.add(line.isEmpty() ? "#" : "# " + line);
        return this;
    }

    /** An sbatch option, {@code --name=value}, as an {@code #SBATCH} line. */
    public BatchScript directive(String option) {
        if (option.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("an #SBATCH line cannot hold white space: '" + option + "'");
        }
        directives.add("#SBATCH " + option);
        return this;
    }

    /** A command line written as is (the caller quotes it). */
    public BatchScript command(String line) {
        commands.add(line);
        return this;
    }

    public String text() {
        StringBuilder sb = new StringBuilder("#!/bin/bash\n");
        for (String c : comments) sb.append(c).append('\n');
        for (String d : directives) sb.append(d).append('\n');
        sb.append('\n');
        for (String c : commands) sb.append(c).append('\n');
        return sb.toString();
    }

    /** One word for bash: as is when it holds nothing the shell would read, else in single quotes. */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches()) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words quoted and joined by spaces. */
    public static String words(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(quote(w));
        }
        return sb.toString();
    }
}
