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

    /** LavaGap programs: one step, a walk into the lava or a wall, and a policy that sidesteps lava (the vectors'). */
    private static final String MINIGRID_PROGRAMS = String.join("\n",
            "DEF run m( forward m)",
            "DEF run m( WHILE c( front_is_clear c) w( forward w) m)",
            "DEF run m( REPEAT R=19 r( IFELSE c( front_object_type h( lava h) c) i( right forward left i) "
                    + "ELSE e( IFELSE c( front_is_clear c) i( forward i) ELSE e( right e) e) r) m)") + "\n";

    /** The top-level JSON fields of every profile run, in order (README: "profile --json"), Karel and MiniGrid alike. */
    private static final List<String> TOP_LEVEL = List.of("schema", "programs_per_s", "episodes_per_s", "calls_per_s",
            "checksum", "backend", "device", "programs", "instances", "episodes", "task", "batch", "median_seconds",
            "warmup_passes", "timed_passes", "workload", "machine", "backends");

    private static List<String> fields(JsonNode j) {
        List<String> names = new java.util.ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        return names;
    }

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
        assertEquals(TOP_LEVEL, fields(j).subList(0, TOP_LEVEL.size()), r::show);
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

    /** Side by side, --device picks the OpenCL backend's device and --threads sizes the CPU one; neither is refused. */
    @Test
    void deviceAndThreadsGoToTheBackendsThatTakeThem(@TempDir Path dir) throws Exception {
        EvalCommandTest.requireOpenCl();
        Path w = dir.resolve("w.txt");
        Files.writeString(w, PROGRAMS);
        Cli.Result r = Cli.run("profile", "--workload", w.toString(), "--task", "DoorKey", "--backends", "cpu,opencl",
                "--device", "0", "--threads", "1", "--warmup", "0", "--repeat", "1", "--json");
        assertEquals(0, r.code(), r::show);
        JsonNode backends = lastJson(r).get("backends");
        assertEquals("Java bytecode VM, 1 thread", backends.get(0).get("device").asText(), r::show);
        assertEquals("opencl", backends.get(1).get("backend").asText(), r::show);
        // a device that no named backend takes is still an error, not ignored
        Cli.run("profile", "--workload", w.toString(), "--task", "DoorKey", "--backends", "cpu,reference", "--device", "0")
                .assertUserError("--device 0: the cpu backend runs on CPU threads; --device chooses an OpenCL device (--backend opencl or auto)");
    }

    /**
     * MiniGrid on PoCL beside the CPU VM, as Karel: both reported, their ratio, the same JSON
     * fields, and the OpenCL time split with compile, pack and unpack on the host and the device
     * times within the wall time.
     */
    @Test
    void miniGridOpenClAndCpuSideBySideWithTheirTimeSplitAndRatio(@TempDir Path dir) throws Exception {
        EvalCommandTest.requireOpenCl();
        Path w = dir.resolve("lavagap.txt");
        Files.writeString(w, MINIGRID_PROGRAMS);
        Cli.Result r = Cli.run("profile", "--workload", w.toString(), "--task", "LavaGap", "--backends", "cpu,opencl",
                "--warmup", "1", "--repeat", "3", "--json");
        assertEquals(0, r.code(), r::show);
        JsonNode j = lastJson(r);
        List<String> expected = new java.util.ArrayList<>(TOP_LEVEL);
        expected.add("ratios");
        assertEquals(expected, fields(j), r::show); // no published Python figure for MiniGrid
        assertEquals("LavaGap", j.get("task").asText(), r::show);
        assertEquals(32, j.get("instances").asInt(), r::show);
        JsonNode cpu = j.get("backends").get(0), cl = j.get("backends").get(1);
        assertEquals("cpu", cpu.get("backend").asText());
        assertEquals("opencl", cl.get("backend").asText());
        assertEquals(fields(cpu), fields(cl).stream().filter(f -> !f.equals("opencl")).toList(), r::show);
        assertEquals(-0.09375, cpu.get("checksum").asDouble(), 0.0, r::show); // the recorded means: -0.25 - 0.84375 + 1
        assertEquals(cpu.get("checksum").asDouble(), cl.get("checksum").asDouble(), 0.0, r::show);
        assertTrue(j.get("ratios").get("opencl/cpu").asDouble() > 0, r::show);
        assertTrue(cl.get("opencl").get("platform").asText().length() > 0, r::show);
        JsonNode t = cl.get("time");
        double device = t.get("kernel_s").asDouble() + t.get("upload_s").asDouble() + t.get("download_s").asDouble();
        double host = t.get("compile_s").asDouble() + t.get("pack_s").asDouble() + t.get("unpack_s").asDouble();
        assertTrue(t.get("kernel_s").asDouble() > 0, r::show);
        assertTrue(t.get("download_s").asDouble() > 0, r::show);
        assertTrue(t.get("compile_s").asDouble() > 0, r::show);
        assertTrue(t.get("unpack_s").asDouble() > 0, r::show);
        assertTrue(t.get("pack_s").asDouble() >= 0, r::show);
        assertTrue(device <= t.get("wall_s").asDouble(), r::show);
        assertTrue(device + host <= t.get("evaluate_s").asDouble() * 1.001, r::show);
        assertTrue(t.get("evaluate_s").asDouble() <= t.get("wall_s").asDouble() * 1.001, r::show);
        assertTrue(t.get("launches_per_pass").asDouble() >= 1, r::show);
        assertEquals(32, cl.get("balance").get("lanes").asInt(), r::show);
        assertTrue(cpu.get("time").has("idle_share"), r::show);
        assertTrue(r.out().contains("opencl vs cpu: "), r::show);
        assertTrue(r.out().contains("time/pass   "), r::show);
        assertTrue(r.out().contains("; compile "), r::show);
    }

    /** A MiniGrid task sweeps batch sizes and instance counts (seeds 0..N-1) into CSV, PNG and JSON, and times the oracle. */
    @Test
    void miniGridSweepsOnTheCpuBackend(@TempDir Path dir) throws Exception {
        Path w = dir.resolve("lavagap.txt");
        Files.writeString(w, MINIGRID_PROGRAMS);
        Path csv = dir.resolve("sweep.csv");
        Cli.Result r = Cli.run("profile", "--workload", w.toString(), "--task", "LavaGap", "--backend", "cpu", "--threads", "1",
                "--seeds", "0-3", "--warmup", "0", "--repeat", "1", "--sweep-batch", "1,3", "--sweep-instances", "2,4",
                "--csv", csv.toString(), "--png", dir.resolve("sweep.png").toString(), "--compare-reference", "--json");
        assertEquals(0, r.code(), r::show);
        List<String> rows = Files.readAllLines(csv);
        assertEquals("sweep,batch,instances,backend,device,programs_per_s,episodes_per_s,calls_per_s,checksum,median_seconds",
                rows.get(0));
        assertEquals(5, rows.size(), rows::toString);
        assertTrue(rows.get(1).startsWith("batch,1,4,cpu,\"Java bytecode VM (MiniGrid), 1 thread\","), rows::toString);
        assertTrue(rows.get(2).startsWith("batch,3,4,cpu,"), rows::toString);
        assertTrue(rows.get(3).startsWith("instances,3,2,cpu,"), rows::toString);
        assertTrue(rows.get(4).startsWith("instances,3,4,cpu,"), rows::toString);
        JsonNode j = lastJson(r);
        JsonNode sweep = j.get("sweep");
        assertEquals(4, sweep.size(), r::show);
        // the batch size changes how the work is cut, never the checksum
        assertEquals(sweep.get(0).get("checksum").asDouble(), sweep.get(1).get("checksum").asDouble(), 0.0, r::show);
        assertEquals(sweep.get(1).get("checksum").asDouble(), sweep.get(3).get("checksum").asDouble(), 0.0, r::show);
        assertEquals("LavaGap", j.get("task").asText(), r::show);
        assertTrue(j.get("oracle_programs_per_s").asDouble() > 0, r::show);
        JsonNode b = j.get("backends").get(0).get("balance");
        assertEquals(4, b.get("lanes").asInt(), r::show);
        assertTrue(b.get("warp_balance").asDouble() > 0 && b.get("warp_balance").asDouble() <= 1, r::show);
        byte[] png = Files.readAllBytes(dir.resolve("sweep.png"));
        assertEquals(0x89, png[0] & 0xff);
        assertEquals('P', png[1]);
        Cli.run("profile", "--workload", w.toString(), "--task", "LavaGap", "--sweep-instances", "2,0")
                .assertUserError("--sweep-instances values must be >= 1, got 0");
        Cli.run("profile", "--workload", w.toString(), "--task", "LavaGap", "--backends", "cpu,nope")
                .assertUserErrorStartsWith("unknown backend 'nope' for MiniGrid");
    }
}
