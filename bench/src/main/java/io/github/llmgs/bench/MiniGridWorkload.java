package io.github.llmgs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Grammar;
import io.github.llmgs.dsl.Mutator;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the MiniGrid benchmark workload, {@code minigrid-1024.txt}: the mix a hill climber
 * evaluates, as {@code neighborhood-1024.txt} is for Karel. Half are mutants of the plausible
 * policies (the vectors' structured programs of all three tasks, one to three mutations deep),
 * half random grammar programs; all distinct, in a fixed order from a fixed seed, so the file
 * can be made again and compared:
 * <pre>java -cp ... io.github.llmgs.bench.MiniGridWorkload ../shared/conformance/minigrid/episodes.jsonl</pre>
 */
public final class MiniGridWorkload {
    static final int SIZE = 1024;
    static final long SEED = 20261202L;

    private MiniGridWorkload() {}

    public static void main(String[] args) throws IOException {
        List<Node.Program> policies = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            JsonNode n = json.readTree(line);
            if (n.get("origin").asText().equals("structured")) {
                policies.add(Parser.parse(n.get("program").asText(), Domains.MINIGRID));
            }
        }
        Grammar grammar = new Grammar(Domains.MINIGRID);
        Mutator mutator = new Mutator(grammar);
        SplittableRandom rng = new SplittableRandom(SEED);
        LinkedHashSet<String> out = new LinkedHashSet<>();
        while (out.size() < SIZE / 2) {
            Node.Program p = policies.get(rng.nextInt(policies.size()));
            for (int depth = 1 + rng.nextInt(3); depth > 0; depth--) p = mutator.mutate(p, rng);
            out.add(Printer.print(p));
        }
        while (out.size() < SIZE) {
            out.add(Printer.print(grammar.randomProgram(rng)));
        }
        for (String p : out) System.out.println(p);
    }
}
