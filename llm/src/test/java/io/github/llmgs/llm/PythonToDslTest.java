package io.github.llmgs.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.llmgs.dsl.Node;
import io.github.llmgs.dsl.Parser;
import io.github.llmgs.dsl.Printer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonToDslTest {

    private static String dsl(String python) {
        return Printer.print(PythonToDsl.convert(python));
    }

    private static PythonConversionException reject(String python) {
        return assertThrows(PythonConversionException.class, () -> PythonToDsl.convert(python));
    }

    private static void rejects(String python, int line, int col, String reasonPart) {
        PythonConversionException e = reject(python);
        assertEquals(line + ":" + col, e.line() + ":" + e.column(), "position of: " + e.getMessage());
        assertTrue(e.reason().contains(reasonPart), "reason '" + e.reason() + "' should contain '" + reasonPart + "'");
        assertTrue(e.getMessage().startsWith(line + ":" + col + ": "), e.getMessage());
    }

    // ------------------------------------------------------------ accepted constructs

    @Test
    void singleAction() {
        assertEquals("DEF run m( move m)", dsl("def run():\n    move()\n"));
    }

    @Test
    void statementListIsRightNestedChain() {
        Node.Program p = PythonToDsl.convert("def run():\n    move()\n    turnLeft()\n    putMarker()\n");
        Node.Concatenate c = (Node.Concatenate) p.body();
        assertTrue(c.first() instanceof Node.Act);
        Node.Concatenate rest = (Node.Concatenate) c.rest();
        assertTrue(rest.first() instanceof Node.Act);
        assertTrue(rest.rest() instanceof Node.Act);
        assertEquals("DEF run m( move turnLeft putMarker m)", Printer.print(p));
        assertEquals(p, Parser.parse(Printer.print(p)), "same AST as the DSL parser builds");
    }

    @Test
    void everyActionAndPerception() {
        assertEquals("DEF run m( move turnLeft turnRight putMarker pickMarker m)",
                dsl("def run():\n move()\n turnLeft()\n turnRight()\n putMarker()\n pickMarker()\n"));
        for (String p : new String[] {"frontIsClear", "leftIsClear", "rightIsClear", "markersPresent",
                "noMarkersPresent"}) {
            assertEquals("DEF run m( IF c( " + p + " c) i( move i) m)",
                    dsl("def run():\n    if " + p + "():\n        move()\n"));
        }
    }

    @Test
    void whileLoop() {
        assertEquals("DEF run m( WHILE c( frontIsClear c) w( move w) m)",
                dsl("def run():\n    while frontIsClear():\n        move()\n"));
    }

    @Test
    void ifElseNested() {
        String py = """
                def run():
                    while noMarkersPresent():
                        if frontIsClear():
                            move()
                        else:
                            if leftIsClear():
                                turnLeft()
                            else:
                                turnRight()
                    pickMarker()
                """;
        assertEquals("DEF run m( WHILE c( noMarkersPresent c) w( IFELSE c( frontIsClear c) i( move i) ELSE e( "
                + "IFELSE c( leftIsClear c) i( turnLeft i) ELSE e( turnRight e) e) w) pickMarker m)", dsl(py));
    }

    @Test
    void forRangeWithUnderscoreOrName() {
        assertEquals("DEF run m( REPEAT R=4 r( turnLeft r) m)", dsl("def run():\n    for _ in range(4):\n        turnLeft()\n"));
        assertEquals("DEF run m( REPEAT R=19 r( move r) m)", dsl("def run():\n    for i in range(19):\n        move()\n"));
        assertEquals("DEF run m( REPEAT R=0 r( move r) m)", dsl("def run():\n    for i in range(0):\n        move()\n"));
    }

    @Test
    void notAndParenthesisedNot() {
        assertEquals("DEF run m( WHILE c( not c( frontIsClear c) c) w( turnLeft w) m)",
                dsl("def run():\n    while not frontIsClear():\n        turnLeft()\n"));
        assertEquals("DEF run m( IF c( not c( markersPresent c) c) i( putMarker i) m)",
                dsl("def run():\n    if not (markersPresent()):\n        putMarker()\n"));
        assertEquals("DEF run m( IF c( not c( markersPresent c) c) i( putMarker i) m)",
                dsl("def run():\n    if (not markersPresent()):\n        putMarker()\n"));
        assertEquals("DEF run m( IF c( markersPresent c) i( pickMarker i) m)",
                dsl("def run():\n    if (markersPresent()):\n        pickMarker()\n"));
    }

    @Test
    void commentsBlankLinesDocstringsAndTrailingRunCall() {
        String py = "# a comment\n\ndef run():  # trailing\n    \"\"\"Docstring\n    over lines.\"\"\"\n\n"
                + "    # inside\n    move()   # go\n\n        # odd indent comment\n    turnLeft()\n\nrun()\n";
        assertEquals("DEF run m( move turnLeft m)", dsl(py));
    }

    @Test
    void oneLineBodiesAndSemicolons() {
        assertEquals("DEF run m( IFELSE c( frontIsClear c) i( move i) ELSE e( turnLeft e) m)",
                dsl("def run():\n    if frontIsClear(): move()\n    else: turnLeft()\n"));
        assertEquals("DEF run m( move turnLeft m)", dsl("def run(): move(); turnLeft()\n"));
    }

    @Test
    void passNextToStatementsIsDropped() {
        assertEquals("DEF run m( move m)", dsl("def run():\n    pass\n    move()\n"));
    }

    @Test
    void tabsIndentToMultiplesOfEight() {
        // A tab alone and eight spaces are the same level only if used consistently; tabs throughout work.
        assertEquals("DEF run m( WHILE c( frontIsClear c) w( move turnLeft w) m)",
                dsl("def run():\n\twhile frontIsClear():\n\t\tmove()\n\t\tturnLeft()\n"));
        assertEquals("DEF run m( move turnLeft m)", dsl("def run():\r\n\tmove()\r\n\tturnLeft()\r\n"));
    }

    @Test
    void dedentSeveralLevelsAtOnce() {
        String py = "def run():\n    while frontIsClear():\n        if markersPresent():\n            pickMarker()\n    turnLeft()\n";
        assertEquals("DEF run m( WHILE c( frontIsClear c) w( IF c( markersPresent c) i( pickMarker i) w) turnLeft m)", dsl(py));
    }

    @Test
    void noTrailingNewline() {
        assertEquals("DEF run m( move m)", dsl("def run():\n    move()"));
    }

    // ------------------------------------------------------------ rejections, with positions

    @Test
    void unknownCall() {
        rejects("def run():\n    jump()\n", 2, 5, "unknown function 'jump'");
        rejects("def run():\n    print()\n", 2, 5, "unknown function 'print'");
    }

    @Test
    void variablesAndAssignments() {
        rejects("def run():\n    x = 1\n", 2, 5, "variables and assignments are not allowed");
        rejects("def run():\n    n += 1\n", 2, 5, "variables and assignments are not allowed");
        rejects("def run():\n    while x:\n        move()\n", 2, 11, "variable 'x' is not allowed");
    }

    @Test
    void elifRejected() {
        rejects("def run():\n    if frontIsClear():\n        move()\n    elif leftIsClear():\n        turnLeft()\n",
                4, 5, "'elif' is not allowed");
    }

    @Test
    void andOrRejected() {
        rejects("def run():\n    if frontIsClear() and leftIsClear():\n        move()\n", 2, 23, "'and' is not allowed");
        rejects("def run():\n    while frontIsClear() or markersPresent():\n        move()\n", 2, 26, "'or' is not allowed");
    }

    @Test
    void trueFalseRejected() {
        rejects("def run():\n    while True:\n        move()\n", 2, 11, "'True' is not allowed");
        rejects("def run():\n    if False:\n        move()\n", 2, 8, "'False' is not allowed");
    }

    @Test
    void breakContinueReturnRejected() {
        rejects("def run():\n    while frontIsClear():\n        break\n", 3, 9, "'break' is not allowed");
        rejects("def run():\n    while frontIsClear():\n        continue\n", 3, 9, "'continue' is not allowed");
        rejects("def run():\n    move()\n    return\n", 3, 5, "'return' is not allowed");
    }

    @Test
    void comparisonsRejected() {
        rejects("def run():\n    if frontIsClear() == True:\n        move()\n", 2, 23, "'==' is not allowed");
        rejects("def run():\n    if markersPresent() != False:\n        move()\n", 2, 25, "'!=' is not allowed");
    }

    @Test
    void otherFunctionsRejected() {
        rejects("def go():\n    move()\n", 1, 5, "only 'def run():' is allowed");
        rejects("def run():\n    move()\n\ndef helper():\n    move()\n", 4, 5, "other functions are not allowed");
        rejects("def run():\n    def inner():\n        move()\n    inner()\n", 2, 5, "other functions are not allowed");
        rejects("def run(x):\n    move()\n", 1, 9, "run() takes no parameters");
    }

    @Test
    void rangeOutOfBounds() {
        rejects("def run():\n    for i in range(20):\n        move()\n", 2, 20, "range(20) is out of 0..19");
        rejects("def run():\n    for i in range(-1):\n        move()\n", 2, 20, "out of 0..19");
        rejects("def run():\n    for i in range(1, 5):\n        move()\n", 2, 21, "start or step");
        rejects("def run():\n    for i in range(n):\n        move()\n", 2, 20, "whole number");
        rejects("def run():\n    for i in [1, 2]:\n        move()\n", 2, 14, "only 'for _ in range(n):'");
    }

    @Test
    void outsideTheSubset() {
        rejects("import karel\ndef run():\n    move()\n", 1, 1, "'import' is not allowed");
        rejects("move()\n", 1, 1, "only 'def run():' is allowed at the top level");
        rejects("def run():\n    karel.move()\n", 2, 5, "attribute access 'karel.move'");
        rejects("def run():\n    move(1)\n", 2, 10, "'move' takes no arguments");
        rejects("def run():\n    move\n", 2, 5, "'move' must be called as move()");
        rejects("def run():\n    frontIsClear()\n", 2, 5, "cannot be a statement");
        rejects("def run():\n    if move():\n        turnLeft()\n", 2, 8, "action 'move()' cannot be a condition");
        rejects("def run():\n    if not not frontIsClear():\n        move()\n", 2, 12, "double negation");
        rejects("def run():\n    if not (not frontIsClear()):\n        move()\n", 2, 12, "double negation");
        rejects("def run():\n    print(\"hi\")\n", 2, 5, "unknown function 'print'");
        rejects("def run():\n    while frontIsClear():\n        move()\n    else:\n        turnLeft()\n", 4, 5,
                "'while ... else' is not allowed");
        rejects("def run():\n    run()\n", 2, 5, "calling run() inside run()");
        rejects("def run():\n    if frontIsClear():\n        move()\n    else if leftIsClear():\n        move()\n",
                4, 10, "expected ':'");
    }

    @Test
    void onlyPassHasNoDslForm() {
        rejects("def run():\n    pass\n", 2, 5, "only 'pass'");
        rejects("def run():\n    move()\n    if frontIsClear():\n        pass\n", 4, 9, "only 'pass'");
    }

    @Test
    void indentationErrors() {
        rejects("def run():\nmove()\n", 2, 1, "expected an indented block");
        rejects("def run():\n    move()\n      turnLeft()\n", 3, 7, "unexpected indent");
        rejects("def run():\n    if frontIsClear():\n        move()\n      turnLeft()\n", 4, 7, "unindent does not match");
        // 8 spaces then a tab-indented line: the same width with tab=8 but not with tab=1.
        rejects("def run():\n        move()\n\tturnLeft()\n", 3, 1, "inconsistent use of tabs and spaces");
    }

    @Test
    void noDefRun() {
        rejects("", 1, 1, "no 'def run():' found");
        rejects("# nothing\n", 1, 1, "no 'def run():' found");
    }

    @Test
    void unclosedParenthesis() {
        rejects("def run():\n    move(\n", 2, 9, "is never closed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lambda: move()|'lambda' is not allowed",
        "global x|'global' is not allowed",
        "x: int = 3|variables and assignments",
        "3|numbers are only allowed in range(n)",
        "assert frontIsClear()|'assert' is not allowed",
    })
    void otherForbiddenStatements(String stmt, String reason) {
        rejects("def run():\n    " + stmt + "\n", 2, 5, reason);
    }

    @Test
    void promptExampleConvertsToItsDsl() {
        assertEquals(Prompts.EXAMPLE_DSL, dsl(Prompts.examplePython()));
        assertEquals(Prompts.EXAMPLE_DSL, Printer.print(Parser.parse(Prompts.EXAMPLE_DSL)));
    }

    /** A hostile answer nested past the DSL parser's bound is one rejection, on a small stack too. */
    @org.junit.jupiter.api.Test
    void deepNestingIsARejectionNotAStackOverflow() throws Exception {
        StringBuilder ifs = new StringBuilder("def run():\n");
        for (int d = 1; d <= 300; d++) ifs.append(" ".repeat(d)).append("if frontIsClear():\n");
        ifs.append(" ".repeat(301)).append("move()\n");
        String parens = "def run():\n    while " + "(".repeat(20_000) + "frontIsClear()" + ")".repeat(20_000) + ":\n        move()\n";
        Throwable[] seen = new Throwable[2];
        Thread small = new Thread(null, () -> {
            seen[0] = reject(ifs.toString());
            seen[1] = reject(parens);
        }, "small-stack", 512 * 1024);
        small.start();
        small.join();
        assertTrue(seen[0].getMessage().endsWith("nesting deeper than 100 levels"), seen[0].getMessage());
        assertTrue(seen[1].getMessage().endsWith("parentheses nested deeper than 100 levels"), seen[1].getMessage());
        assertEquals("DEF run m( WHILE c( frontIsClear c) w( move w) m)",
                dsl("def run():\n    while " + "(".repeat(50) + "frontIsClear()" + ")".repeat(50) + ":\n        move()\n"));
    }

    @org.junit.jupiter.api.Test
    void miniGridPythonUsesItsOwnWordsAndQuotedArguments() {
        io.github.llmgs.dsl.Vocabulary mg = io.github.llmgs.dsl.Domains.MINIGRID;
        assertEquals("DEF run m( WHILE c( not c( front_object_color h( red h) c) c) w( IF c( front_is_clear c) i( forward i) "
                + "left w) IFELSE c( is_carrying_object c) i( drop i) ELSE e( pickup e) m)", Printer.print(PythonToDsl.convert(
                "def run():\n    while not front_object_color('red'):\n        if front_is_clear():\n            forward()\n"
                        + "        left()\n    if is_carrying_object():\n        drop()\n    else:\n        pickup()\n", mg)));
        PythonConversionException karelWord = assertThrows(PythonConversionException.class,
                () -> PythonToDsl.convert("def run():\n    move()\n", mg));
        assertTrue(karelWord.getMessage().startsWith("2:5: unknown function 'move' (allowed: left, right, forward, pickup, drop, "
                + "toggle, front_is_clear, front_object_type(\"lava\")"), karelWord.getMessage());
        PythonConversionException bare = assertThrows(PythonConversionException.class,
                () -> PythonToDsl.convert("def run():\n    if front_object_type(ball):\n        pickup()\n", mg));
        assertTrue(bare.getMessage().endsWith("'front_object_type' takes one quoted word, e.g. front_object_type(\"lava\")"),
                bare.getMessage());
        PythonConversionException miniGridWordInKarel = assertThrows(PythonConversionException.class,
                () -> PythonToDsl.convert("def run():\n    forward()\n"));
        assertTrue(miniGridWordInKarel.getMessage().startsWith("2:5: unknown function 'forward' (allowed: move, "),
                miniGridWordInKarel.getMessage());
    }
}
