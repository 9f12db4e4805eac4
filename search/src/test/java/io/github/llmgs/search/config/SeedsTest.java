package io.github.llmgs.search.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void forms() {
        assertArrayEquals(new long[] {0, 1, 2, 3}, Seeds.parse("0-3"));
        assertArrayEquals(new long[] {3}, Seeds.parse("3"));
        assertArrayEquals(new long[] {0, 2, 5, 6, 7}, Seeds.parse("0,2,5-7"));
        assertArrayEquals(new long[] {9, 1}, Seeds.parse(" 9 , 1 "));
        assertArrayEquals(new long[] {4294967294L, 4294967295L}, Seeds.parse("4294967294-4294967295"));
        assertEquals(32, Seeds.parse("0-31").length);
    }

    @Test
    void formatIsTheInverse() {
        assertEquals("0-31", Seeds.format(Seeds.parse("0-31")));
        assertEquals("0,2,5-7", Seeds.format(Seeds.parse("0,2,5-7")));
        assertEquals("3,4", Seeds.format(Seeds.parse("3-4")));
        assertEquals("9,1", Seeds.format(Seeds.parse("9,1")));
    }

    @Test
    void errors() {
        assertEquals("empty seed list (use e.g. 0-31, 3 or 0,2,5-7)", error(" "));
        assertEquals("'a-b' is not a seed or a range of seeds (use e.g. 0-31, 3 or 0,2,5-7)", error("a-b"));
        assertEquals("range 3-1 is empty (its first seed is larger than its last)", error("3-1"));
        assertEquals("seed 4294967296 is out of range (seeds are 0..4294967295)", error("0,4294967296"));
        assertEquals("seed 123456789012345678901234567890 is out of range (seeds are 0..4294967295)",
                error("123456789012345678901234567890"));
        assertEquals("seed 5 is listed twice", error("5,5"));
        assertEquals("too many seeds in '0-4294967295' (at most 1048576)", error("0-4294967295"));
        assertEquals("'' is not a seed (a whole number 0..4294967295)",
                assertThrows(IllegalArgumentException.class, () -> Seeds.parseOne("")).getMessage());
    }

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> Seeds.parse(text)).getMessage();
    }
}
