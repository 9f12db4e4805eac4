package io.github.llmgs.search.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile}'s time split, balance figures, interleaved backends, sweeps and JSON schema. */
class ProfileCommandTest {
    private static final String PROGRAMS = String.join("\n",
            "DEF run m( move m)",
            "DEF run m( WHILE c( frontIsClear c) w( move w) turnLeft m)",
            "DEF run m( REPEAT R=5 r( IF c( markersPresent c) i( pickMarker i) move r) m)",
            "DEF run m( WHILE c( noMarkersPresent c) w( turnRight w) m)") + "\n";

    private static JsonNode lastJson(Cli.Result r) throws Exception {
        List<String> lines = r.out().lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    /** On PoCL: kernel and transfer times come from profiling events and add up to no more than the wall time. */
    @Test
    void openClAndCpuSideBySideWithTheirTimeSplitAndRatio(@TempDir Path dir) throws Exception {
        EvalCommandTest.requireOpenCl();
        Path w = dir.resolve("w.txt");
        Files.writeString(w, PROGRAMS);
        Cli.Result r = Cli.run("profile", "--workload", w.toString(), "--task", "DoorKey", "--backends", "cpu,opencl",
                "--warmup", "1", "--repeat", "3", "--json");
        assertEquals(0, r.code(), r::show);
        JsonNode j = lastJson(r);
        assertEquals(ProfileJson.SCHEMA, j.get("schema").asText(), r::show);
        assertTrue(j.get("machine").get("cores").asInt() >= 1, r::show);
        assertTrue(j.get("machine").get("jvm").asText().contains(System.getProperty("java.runtime.version")), r::show);
        assertTrue(j.get("machine").get("cpu_model").asText().length() > 0, r::show);
        JsonNode cpu = j.get("backends").get(0), cl = j.get("backends").get(1);
        assertEquals("cpu", cpu.get("backend").asText());
        assertEquals("opencl", cl.get("backend").asText());
        assertEquals(cpu.get("checksum").asDouble(), cl.get("checksum").asDouble(), 0.0);
        assertTrue(j.get("ratios").has("opencl/cpu"), r::show);
        assertTrue(cl.get("opencl").get("platform").asText().length() > 0, r::show);
        JsonNode t = cl.get("time");
        double device = t.get("kernel_s").asDouble() + t.get("upload_s").asDouble() + t.get("download_s").asDouble();
        double host = t.get("compile_s").asDouble() + t.get("pack_s").asDouble() + t.get("unpack_s").asDouble();
        assertTrue(t.get("kernel_s").asDouble() > 0, r::show);
        assertTrue(device + host <= t.get("evaluate_s").asDouble() * 1.001, r::show);
        assertTrue(t.get("evaluate_s").asDouble() <= t.get("wall_s").asDouble() * 1.001, r::show);
        assertTrue(t.get("launches_per_pass").asDouble() >= 1, r::show);
        assertTrue(t.get("work_group_size").asInt() >= 1, r::show);
        JsonNode ct = cpu.get("time");
        assertTrue(ct.get("idle_share").asDouble() >= 0 && ct.get("idle_share").asDouble() <= 1, r::show);
        JsonNode b = cl.get("balance");
        assertEquals(32, b.get("lanes").asInt(), r::show);
        assertTrue(b.get("warp_balance").asDouble() > 0 && b.get("warp_balance").asDouble() <= 1, r::show);
        assertTrue(b.get("calls_per_episode").get("max").asLong() >= b.get("calls_per_episode").get("p99").asLong());
        assertTrue(r.out().contains("opencl vs cpu: "), r::show);
        assertTrue(r.out().contains("time/pass   "), r::show);
    }

    /** Balance on known episodes: a program that only moves makes one call on every instance (balance 1). */
    @Test
    void balanceAndSweepsOnTheCpuBackend(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("w.txt");
        Files.writeString(w, "DEF run m( move m)\nDEF run m( move move m)\n");
        Path csv = dir.resolve("sweep.csv");
        Cli.Result r = Cli.run("profile", "--workload", w.toString(), "--task", "DoorKey", "--backend", "cpu", "--threads", "1",
                "--seeds", "0-3", "--warmup", "0", "--repeat", "1", "--sweep-batch", "1,2", "--sweep-instances", "2,4",
                "--csv", csv.toString(), "--png", dir.resolve("sweep.png").toString(), "--json");
        assertEquals(0, r.code(), r::show);
        JsonNode b = lastJson(r).get("backends").get(0).get("balance");
        assertEquals(1.0, b.get("warp_balance").asDouble(), 0.0, r::show);
        assertEquals(0.0, b.get("call_limit_share").asDouble(), 0.0, r::show);
        assertEquals(1.5, b.get("calls_per_episode").get("mean").asDouble(), 0.0, r::show);
        assertEquals(1, b.get("calls_per_episode").get("median").asLong(), r::show);
        assertEquals(2, b.get("calls_per_episode").get("max").asLong(), r::show);
        List<String> rows = Files.readAllLines(csv);
        assertEquals("sweep,batch,instances,backend,device,programs_per_s,episodes_per_s,calls_per_s,checksum,median_seconds",
                rows.get(0));
        assertEquals(5, rows.size(), rows::toString);
        assertTrue(rows.get(1).startsWith("batch,1,4,cpu,"), rows::toString);
        assertTrue(rows.get(4).startsWith("instances,2,4,cpu,"), rows::toString);
        assertEquals(4, lastJson(r).get("sweep").size());
        byte[] png = Files.readAllBytes(dir.resolve("sweep.png"));
        assertEquals(0x89, png[0] & 0xff);
        assertEquals('P', png[1]);
        Cli.run("profile", "--workload", w.toString(), "--task", "DoorKey", "--backend", "cpu", "--backends", "cpu")
                .assertUserError("--backend and --backends: give one of them");
    }
}
