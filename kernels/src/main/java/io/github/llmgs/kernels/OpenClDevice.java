package io.github.llmgs.kernels;

import static org.jocl.CL.CL_DEVICE_DOUBLE_FP_CONFIG;
import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_NOT_FOUND;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_DRIVER_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clGetPlatformInfo;

import io.github.llmgs.engine.batch.BackendException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device as found by {@link #list()}: its handles and the facts the backend needs
 * (type, fp64, memory sizes) and reports (name, platform, versions).
 */
record OpenClDevice(int index, cl_platform_id platform, cl_device_id device, String platformName, String name,
                    String openClVersion, String driverVersion, long type, boolean fp64, long globalMemSize,
                    long maxAllocSize) {

    boolean gpu() {
        return (type & CL_DEVICE_TYPE_GPU) != 0;
    }

    /** {@code <device name> (<platform>, OpenCL <version>, driver <version>)}. */
    String describe() {
        return name + " (" + platformName + ", OpenCL " + openClVersion + ", driver " + driverVersion + ")";
    }

    /** One line for device listings in error messages: index, name, platform, type. */
    String listing() {
        return index + ": " + name + " (" + platformName + ", " + (gpu() ? "GPU" : "not a GPU")
                + (fp64 ? "" : ", no cl_khr_fp64") + ")";
    }

    /**
     * Every device of every platform, platforms in the ICD loader's order. Loads the OpenCL
     * runtime on first use: throws {@link LinkageError} when it cannot be loaded and
     * {@link CLException} when the runtime fails (e.g. no platform installed).
     */
    static List<OpenClDevice> list() {
        CL.setExceptionsEnabled(true);
        int[] count = new int[1];
        clGetPlatformIDs(0, null, count);
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        if (platforms.length > 0) {
            clGetPlatformIDs(platforms.length, platforms, null);
        }
        List<OpenClDevice> out = new ArrayList<>();
        for (cl_platform_id platform : platforms) {
            String platformName = platformString(platform, CL_PLATFORM_NAME);
            cl_device_id[] devices;
            try {
                int[] n = new int[1];
                clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, n);
                devices = new cl_device_id[n[0]];
                if (devices.length > 0) {
                    clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, devices.length, devices, null);
                }
            } catch (CLException e) {
                if (e.getStatus() == CL_DEVICE_NOT_FOUND) {
                    continue;
                }
                throw e;
            }
            for (cl_device_id device : devices) {
                String extensions = deviceString(device, CL_DEVICE_EXTENSIONS);
                boolean fp64 = (" " + extensions + " ").contains(" cl_khr_fp64 ")
                        || doubleFpConfig(device) != 0;
                out.add(new OpenClDevice(out.size(), platform, device, platformName, deviceString(device, CL_DEVICE_NAME),
                        versionNumber(deviceString(device, CL_DEVICE_VERSION)), deviceString(device, CL_DRIVER_VERSION),
                        deviceLong(device, CL_DEVICE_TYPE), fp64, deviceLong(device, CL_DEVICE_GLOBAL_MEM_SIZE),
                        deviceLong(device, CL_DEVICE_MAX_MEM_ALLOC_SIZE)));
            }
        }
        return out;
    }

    /**
     * The device {@code spec} names: null picks the first GPU with fp64, else the first device
     * with fp64, else the first device; a whole number picks by index in {@link #list()} order;
     * anything else is a case-insensitive substring of the device name (or of "platform: device").
     * A spec that names no device is a {@link NoSuchDeviceException} listing the devices there are.
     */
    static OpenClDevice select(List<OpenClDevice> devices, String spec) {
        if (devices.isEmpty()) {
            throw new BackendException("no OpenCL device found (an OpenCL platform is installed but reports no devices)");
        }
        if (spec == null || spec.isBlank()) {
            for (OpenClDevice d : devices) {
                if (d.gpu() && d.fp64()) return d;
            }
            for (OpenClDevice d : devices) {
                if (d.fp64()) return d;
            }
            return devices.get(0);
        }
        String s = spec.strip();
        if (s.matches("-?[0-9]+")) {
            // more digits than an int holds is out of range all the same
            int i = s.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(s);
            if (i < 0) {
                throw new NoSuchDeviceException("OpenCL device " + s + " not found: device indexes start at 0; devices: "
                        + listAll(devices));
            }
            if (i >= devices.size()) {
                throw new NoSuchDeviceException("OpenCL device " + s + " not found; devices: " + listAll(devices));
            }
            return devices.get(i);
        }
        String needle = s.toLowerCase(Locale.ROOT);
        for (OpenClDevice d : devices) {
            if (d.name().toLowerCase(Locale.ROOT).contains(needle)) return d;
        }
        for (OpenClDevice d : devices) {
            if ((d.platformName() + ": " + d.name()).toLowerCase(Locale.ROOT).contains(needle)) return d;
        }
        throw new NoSuchDeviceException("OpenCL device '" + s + "' not found: no device name contains it; devices: "
                + listAll(devices));
    }

    /** The OpenCL runtime works, but none of its devices is the one asked for. */
    static final class NoSuchDeviceException extends BackendException {
        NoSuchDeviceException(String message) {
            super(message);
        }
    }

    static String listAll(List<OpenClDevice> devices) {
        List<String> lines = new ArrayList<>();
        for (OpenClDevice d : devices) lines.add(d.listing());
        return String.join("; ", lines);
    }

    /** "OpenCL 3.0 PoCL ..." -> "3.0". */
    static String versionNumber(String deviceVersion) {
        String[] parts = deviceVersion.strip().split("\\s+");
        return parts.length >= 2 && parts[0].equals("OpenCL") ? parts[1] : deviceVersion.strip();
    }

    private static String platformString(cl_platform_id platform, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(platform, param, 0, null, size);
        byte[] buffer = new byte[(int) size[0]];
        clGetPlatformInfo(platform, param, buffer.length, Pointer.to(buffer), null);
        return cString(buffer);
    }

    private static String deviceString(cl_device_id device, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(device, param, 0, null, size);
        byte[] buffer = new byte[(int) size[0]];
        clGetDeviceInfo(device, param, buffer.length, Pointer.to(buffer), null);
        return cString(buffer);
    }

    /** A size_t, ulong, uint or bitfield query, widened to long. */
    private static long deviceLong(cl_device_id device, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(device, param, 0, null, size);
        if (size[0] == Sizeof.cl_uint) {
            int[] v = new int[1];
            clGetDeviceInfo(device, param, Sizeof.cl_uint, Pointer.to(v), null);
            return v[0] & 0xFFFFFFFFL;
        }
        long[] v = new long[1];
        clGetDeviceInfo(device, param, Sizeof.cl_ulong, Pointer.to(v), null);
        return v[0];
    }

    /** CL_DEVICE_DOUBLE_FP_CONFIG, or 0 where the platform does not know the query (OpenCL 1.0). */
    private static long doubleFpConfig(cl_device_id device) {
        try {
            return deviceLong(device, CL_DEVICE_DOUBLE_FP_CONFIG);
        } catch (CLException e) {
            return 0;
        }
    }

    private static String cString(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) n++;
        return new String(bytes, 0, n, StandardCharsets.UTF_8).strip();
    }
}
