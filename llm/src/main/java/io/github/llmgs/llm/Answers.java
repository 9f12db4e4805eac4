package io.github.llmgs.llm;

import io.github.llmgs.dsl.Domains;
import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Vocabulary;
import io.github.llmgs.dsl.ParseException;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import io.github.llmgs.dsl.bytecode.Capacity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads programs out of a completion: fenced code blocks, the Python one converted with
 * {@link PythonToDsl}, the DSL one parsed with the DSL {@link Parser}.
 *
 * <p>Rules: the Python candidate is the last fenced block tagged {@code python}, {@code py} or
 * {@code python3}, else the last other block containing {@code def run}; without fences, the
 * lines from {@code def run} to the first unindented line after it. The DSL candidate is the
 * last fenced block containing {@code DEF run}, else the first {@code DEF run} in the text
 * (inline code included); either is cut at the {@code m)} that closes {@code m(}. Which
 * candidates count depends on the prompt mode: both for {@code python-to-dsl}, only the Python
 * one for {@code python}, only the DSL one for {@code dsl}. When both parse, one is picked at
 * random (as the reference does) with the caller's {@link Random}.
 */
public final class Answers {

    private Answers() {}

    /**
     * The longest completion read, and logged whole (64 Ki characters): a program that fits the
     * engine is a few hundred tokens, so anything longer is a runaway answer, rejected unread.
     */
    public static final int MAX_COMPLETION_CHARS = 64 * 1024;

    /** A fenced code block: its info string (lower-cased language tag, may be empty) and text. */
    public record CodeBlock(String language, String code) {}

    /** One candidate program read from a completion. */
    public record Candidate(String kind, String source, Node.Program program, String error) {
        public boolean ok() {
            return program != null;
        }
    }

    /**
     * What a completion gave: the program kept (null when rejected), the kind it came from
     * ({@code python} or {@code dsl}), every candidate looked at, and the rejection reason.
     */
    public record Outcome(Node.Program program, String chosen, List<Candidate> candidates, String reason) {
        public boolean ok() {
            return program != null;
        }
    }

    private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
    private static final Pattern FENCE = Pattern.compile(
            "(?m)^[ \\t]*(`{3,}|~{3,})[ \\t]*([^\\n`]*)\\n");

    /** Every fenced block, in order. An unclosed last fence (a cut-off answer) runs to the end. */
    public static List<CodeBlock> codeBlocks(String text) {
        List<CodeBlock> out = new ArrayList<>();
        String t = text.replace("\r\n", "\n");
        Matcher open = FENCE.matcher(t);
        int from = 0;
        while (from < t.length() && open.find(from)) {
            String fence = open.group(1);
            String info = open.group(2).trim().toLowerCase(Locale.ROOT);
            String lang = info.isEmpty() ? "" : info.split("\\s+")[0];
            int bodyStart = open.end();
            Pattern close = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(fence.substring(0, 1)) + "{"
                    + fence.length() + ",}[ \\t]*$");
            Matcher m = close.matcher(t);
            if (m.find(bodyStart)) {
                out.add(new CodeBlock(lang, t.substring(bodyStart, m.start())));
                from = m.end();
            } else {
                out.add(new CodeBlock(lang, t.substring(bodyStart)));
                break;
            }
        }
        return out;
    }

    /** The Python code of a completion, or null. */
    public static String pythonCode(String text) {
        String tagged = null;
        String other = null;
        for (CodeBlock b : codeBlocks(text)) {
            String lang = b.language();
            if (lang.equals("python") || lang.equals("py") || lang.equals("python3")) {
                tagged = b.code();
            } else if (b.code().contains("def run")) {
                other = b.code();
            }
        }
        if (tagged != null) {
            return tagged;
        }
        return other != null ? other : unfencedPython(text);
    }

    /** Without fences: from the {@code def run} line to the first unindented non-blank line after it. */
    private static String unfencedPython(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("def run")) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder(lines[start]).append('\n');
        for (int i = start + 1; i < lines.length; i++) {
            String l = lines[i];
            if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
                break;
            }
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    /** The DSL text of a completion ({@code DEF run ... m)}), or null. */
    public static String dslCode(String text) {
        String found = null;
        for (CodeBlock b : codeBlocks(text)) {
            Matcher m = DSL_START.matcher(b.code());
            if (m.find()) {
                found = dslSpan(b.code(), m.start());
            }
        }
        if (found != null) {
            return found;
        }
        Matcher m = DSL_START.matcher(text);
        return m.find() ? dslSpan(text, m.start()) : null;
    }

    private static final Pattern DSL_START = Pattern.compile("DEF\\s+run\\b");
    private static final Pattern DSL_TOKEN = Pattern.compile("[^\\s`]+");

    /**
     * From {@code DEF} to the {@code m)} that closes {@code m(}, counting the bracket tokens
     * ({@code x(} opens, {@code x)} closes); stops at a backtick. Unbalanced text runs to its end
     * so that the parser reports what is missing.
     */
    static String dslSpan(String text, int start) {
        int stop = text.indexOf('`', start);
        String s = stop >= 0 ? text.substring(start, stop) : text.substring(start);
        Matcher tok = DSL_TOKEN.matcher(s);
        int depth = 0;
        boolean opened = false;
        while (tok.find()) {
            String t = tok.group();
            if (t.length() == 2 && Character.isLetter(t.charAt(0)) && t.charAt(1) == '(') {
                depth++;
                opened = true;
            } else if (t.length() == 2 && Character.isLetter(t.charAt(0)) && t.charAt(1) == ')') {
                depth--;
                if (opened && depth == 0) {
                    return s.substring(0, tok.end());
                }
            }
        }
        return s.strip();
    }

    /** Reads, converts and parses the candidates of one completion and picks the program kept. */
    public static Outcome read(String completion, PromptMode mode, Random random) {
        return read(completion, mode, random, Domains.KAREL);
    }

    /** {@link #read(String, PromptMode, Random)} for programs of a domain's vocabulary. */
    public static Outcome read(String completion, PromptMode mode, Random random, Vocabulary vocabulary) {
        if (completion != null && completion.length() > MAX_COMPLETION_CHARS) {
            return new Outcome(null, null, List.of(), "completion is " + completion.length()
                    + " characters, over the " + MAX_COMPLETION_CHARS + " this client reads");
        }
        List<Candidate> candidates = new ArrayList<>();
        // Reasoning models (DeepSeek-R1, Qwen3 through Ollama) put drafts in <think>; only the answer counts.
        String text = completion == null ? "" : THINK.matcher(completion).replaceAll("");
        if (mode != PromptMode.DSL) {
            String py = pythonCode(text);
            if (py == null) {
                candidates.add(new Candidate("python", null, null, "no Python code block with 'def run' found"));
            } else {
                candidates.add(python(py, vocabulary));
            }
        }
        if (mode != PromptMode.PYTHON) {
            String dsl = dslCode(text);
            if (dsl == null) {
                candidates.add(new Candidate("dsl", null, null, "no DSL program ('DEF run m( ... m)') found"));
            } else {
                candidates.add(dsl(dsl, vocabulary));
            }
        }
        List<Candidate> ok = candidates.stream().filter(Candidate::ok).toList();
        if (ok.isEmpty()) {
            StringBuilder reason = new StringBuilder();
            for (Candidate c : candidates) {
                if (reason.length() > 0) {
                    reason.append("; ");
                }
                reason.append(c.kind()).append(": ").append(c.error());
            }
            if (text.isBlank()) {
                reason.insert(0, "empty completion; ");
            }
            return new Outcome(null, null, candidates, reason.toString());
        }
        Candidate pick = ok.size() == 1 ? ok.get(0) : ok.get(random.nextInt(ok.size()));
        return new Outcome(pick.program(), pick.kind(), candidates, null);
    }

    /**
     * A completion as logged: whole up to {@link #MAX_COMPLETION_CHARS}, else its start and a note
     * of its length (longer still than the cap, so that a replay rejects it too).
     */
    public static String capped(String completion) {
        if (completion == null || completion.length() <= MAX_COMPLETION_CHARS) {
            return completion;
        }
        return completion.substring(0, MAX_COMPLETION_CHARS) + "\n[... truncated by llmgs: " + completion.length()
                + " characters in all]";
    }

    /**
     * A parsed program the engine cannot hold (over 512 code words, 64 WHILEs, REPEAT depth 8)
     * is rejected here like a syntax error, so it never reaches the verifier. Programs that only
     * exceed the search-space limits (Limits.withinLimits) are kept, as the reference keeps them.
     */
    private static Candidate fitted(String kind, String code, Node.Program p) {
        Optional<String> problem = Capacity.problem(p);
        return problem.isPresent()
                ? new Candidate(kind, code, null, "program does not fit the engine: " + problem.get())
                : new Candidate(kind, code, p, null);
    }

    /** Converts Python and re-parses the printed program with the DSL parser. */
    static Candidate python(String code) {
        return python(code, Domains.KAREL);
    }

    static Candidate python(String code, Vocabulary vocabulary) {
        try {
            Node.Program p = PythonToDsl.convert(code, vocabulary);
            Node.Program reparsed = Parser.parse(Printer.print(p), vocabulary);
            return fitted("python", code, reparsed);
        } catch (PythonConversionException e) {
            return new Candidate("python", code, null, e.getMessage());
        } catch (ParseException e) {
            return new Candidate("python", code, null, "converted program does not parse: " + e.getMessage());
        }
    }

    static Candidate dsl(String code) {
        return dsl(code, Domains.KAREL);
    }

    static Candidate dsl(String code, Vocabulary vocabulary) {
        try {
            return fitted("dsl", code, Parser.parse(code, vocabulary));
        } catch (ParseException e) {
            return new Candidate("dsl", code, null, e.getMessage());
        }
    }
}
