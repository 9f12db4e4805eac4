package io.github.llmgs.kernels;

import static org.jocl.CL.CL_MEM_READ_ONLY;

import io.github.llmgs.engine.TaskInstance;
import io.github.llmgs.engine.World;
import java.util.List;
import org.jocl.Pointer;
import org.jocl.Sizeof;

/**
 * The Karel task instances on the device, as karel.cl reads them: heroes (row, col, dir), wall
 * bits, marker counts and each task's parameters, one instance after another, and the
 * state key's powers of KEY_BASE for their grid size. A search scores every batch on the same
 * instances, so the same list (by equality) is uploaded once.
 */
final class InstanceUpload {
    final DeviceBuffer hero;
    final DeviceBuffer walls;
    final DeviceBuffer markers;
    final DeviceBuffer params;
    final DeviceBuffer keyPow;
    private List<TaskInstance> uploaded;
    private KernelSource.Config layout;
    private int paramStride;

    InstanceUpload(DeviceContext device) {
        hero = device.buffer("instance heroes", CL_MEM_READ_ONLY, true);
        walls = device.buffer("instance walls", CL_MEM_READ_ONLY, true);
        markers = device.buffer("instance markers", CL_MEM_READ_ONLY, true);
        params = device.buffer("instance params", CL_MEM_READ_ONLY, true);
        keyPow = device.buffer("state key powers", CL_MEM_READ_ONLY, true);
    }

    /** Ints per instance in the params buffer. */
    int paramStride() {
        return paramStride;
    }

    /** Uploads the instances unless the same list (by equality) is already on the device. */
    void upload(KernelSource.Config config, List<TaskInstance> instances) {
        if (instances.equals(uploaded) && sameLayout(config, layout)) {
            return;
        }
        int n = instances.size(), cells = config.cells(), words = config.wallWords();
        int stride = 1;
        for (TaskInstance t : instances) {
            if (t.rows() != config.rows() || t.cols() != config.cols()) {
                throw new IllegalArgumentException("instance " + t.task() + " seed " + t.seed() + " is " + t.rows() + "x"
                        + t.cols() + " but the task is " + config.rows() + "x" + config.cols());
            }
            stride = Math.max(stride, t.params().length);
        }
        int[] heroes = new int[3 * n];
        int[] wallBits = new int[n * words];
        byte[] counts = new byte[n * cells];
        int[] all = new int[n * stride];
        for (int i = 0; i < n; i++) {
            TaskInstance t = instances.get(i);
            heroes[3 * i] = t.heroRow();
            heroes[3 * i + 1] = t.heroCol();
            heroes[3 * i + 2] = t.heroDir();
            for (int c = 0; c < cells; c++) {
                if (t.walls()[c]) wallBits[i * words + (c >>> 5)] |= 1 << (c & 31);
            }
            System.arraycopy(t.markers(), 0, counts, i * cells, cells);
            System.arraycopy(t.params(), 0, all, i * stride, t.params().length);
        }
        hero.write(Pointer.to(heroes), (long) heroes.length * Sizeof.cl_int);
        walls.write(Pointer.to(wallBits), (long) wallBits.length * Sizeof.cl_int);
        markers.write(Pointer.to(counts), counts.length);
        params.write(Pointer.to(all), (long) all.length * Sizeof.cl_int);
        long[] powers = keyPowers(cells);
        keyPow.write(Pointer.to(powers), (long) powers.length * Sizeof.cl_ulong);
        paramStride = stride;
        uploaded = List.copyOf(instances);
        layout = config;
    }

    /** KEY_BASE^k for k = 0..cells, as World's keyBasePowers. */
    static long[] keyPowers(int cells) {
        long[] p = new long[cells + 1];
        p[0] = 1;
        for (int i = 1; i < p.length; i++) {
            p[i] = p[i - 1] * World.KEY_BASE;
        }
        return p;
    }

    private static boolean sameLayout(KernelSource.Config a, KernelSource.Config b) {
        return b != null && a.rows() == b.rows() && a.cols() == b.cols();
    }
}
