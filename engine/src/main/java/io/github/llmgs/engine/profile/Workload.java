package io.github.llmgs.engine.profile;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.dsl.ParseException;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.bytecode.Capacity;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A benchmark workload: one LEAPS program per line; blank lines and '#' comments skipped. */
public record Workload(Path file, List<Node.Program> programs) {
    public static Workload load(Path file) {
        return load(file, Domains.KAREL);
    }

    /** A workload of one domain's programs; a word of another domain is a one-line error at file:line:col. */
    public static Workload load(Path file, Vocabulary vocabulary) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such workload file");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
        }
        List<Node.Program> programs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            Node.Program program;
            try {
                program = Parser.parse(line, vocabulary);
            } catch (ParseException e) {
                // the program's own line:col becomes file:line:col
                throw new IllegalArgumentException(file + ":" + (i + 1) + ":" + e.column() + ": " + e.getMessage()
                        .substring(e.getMessage().indexOf(": ") + 2));
            }
            int lineNumber = i + 1;
            Capacity.problem(program).ifPresent(problem -> {
                throw new IllegalArgumentException(file + ":" + lineNumber + ": " + problem);
            });
            programs.add(program);
        }
        if (programs.isEmpty()) {
            throw new IllegalArgumentException(file + ": workload has no programs");
        }
        return new Workload(file, List.copyOf(programs));
    }
}
