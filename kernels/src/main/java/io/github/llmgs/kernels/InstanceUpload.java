package io.github.llmgs.kernels;

import static org.jocl.CL.CL_MEM_READ_ONLY;

import io.github.llmgs.engine.TaskInstance;
import java.util.List;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;

/**
 * The Karel task instances on the device, as karel.cl reads them: heroes (row, col, dir), wall
 * bits, marker counts and each task's parameters, one instance after another. A search scores
 * every batch on the same instances, so the same list (by equality) is uploaded once.
 */
final class InstanceUpload {
    final DeviceBuffer hero;
    final DeviceBuffer walls;
    final DeviceBuffer markers;
    final DeviceBuffer params;
    private List<TaskInstance> uploaded;
    private KernelSource.Config layout;
    private int paramStride;

    InstanceUpload(cl_context context, cl_command_queue queue, OpenClDevice device) {
        hero = new DeviceBuffer("instance heroes", CL_MEM_READ_ONLY, true, context, queue, device);
        walls = new DeviceBuffer("instance walls", CL_MEM_READ_ONLY, true, context, queue, device);
        markers = new DeviceBuffer("instance markers", CL_MEM_READ_ONLY, true, context, queue, device);
        params = new DeviceBuffer("instance params", CL_MEM_READ_ONLY, true, context, queue, device);
    }

    List<DeviceBuffer> buffers() {
        return List.of(hero, walls, markers, params);
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
        paramStride = stride;
        uploaded = List.copyOf(instances);
        layout = config;
    }

    private static boolean sameLayout(KernelSource.Config a, KernelSource.Config b) {
        return b != null && a.rows() == b.rows() && a.cols() == b.cols();
    }
}
