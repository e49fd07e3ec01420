package io.railcast.model.planning;

import io.railcast.model.network.ScreenType;
import io.railcast.model.solver.CreativeChoice;
import io.railcast.model.solver.Demand;
import io.railcast.model.solver.Filler;
import io.railcast.model.solver.HourProblem;
import io.railcast.model.solver.PlayWindow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An hour problem's content, as the ledger of decided hours keys it: the first 128 bits of the SHA-256 of a
 * canonical encoding of every field of the {@link HourProblem} (everything that decides the hour) and of the
 * solver's revision ({@link io.railcast.model.solver.HourSolver#revision()}). Equal problems have equal keys in every
 * process; two different problems share a key with a probability of about n² / 2¹²⁹ (10⁻²⁷ for a million decided
 * hours), so a decision read back by its key is the decision of that problem, never a stale one.
 */
public record HourKey(long high, long low) {

    /** Demand digests kept per thread: a demand recurs in many hours (its campaign's, over the days checked). */
    static final int DEMANDS_KEPT = 50_000;

    private static final ThreadLocal<Encoder> PROBLEMS = ThreadLocal.withInitial(Encoder::new);
    private static final ThreadLocal<Encoder> DEMANDS = ThreadLocal.withInitial(Encoder::new);
    private static final ThreadLocal<Map<Demand, byte[]>> DEMAND_DIGESTS = ThreadLocal.withInitial(HashMap::new);

    /**
     * The key of {@code problem} as decided by a solver of {@code revision}. Each demand enters by the SHA-256 of
     * its own encoding (kept for the next problem with an equal demand: encoding a busy hour's rotations was most of
     * the cost), so the key is a hash of hashes, as collision-resistant as one over the whole encoding.
     */
    public static HourKey of(HourProblem problem, String revision) {
        Map<Demand, byte[]> digests = DEMAND_DIGESTS.get();
        Encoder out = Encoder.get(PROBLEMS);
        out.text(revision);
        out.text(problem.screenType().name());
        out.ints(problem.slotSeconds(), problem.onAir().from(), problem.onAir().to());
        out.ints(problem.continuesIntoNextHour() ? 1 : 0);
        out.longs(Double.doubleToLongBits(problem.psaShare()));
        out.ints(problem.demands().size());
        for (Demand demand : problem.demands()) {
            byte[] digest = digests.get(demand);
            if (digest == null) {
                digest = digest(demand);
                if (digests.size() >= DEMANDS_KEPT) {
                    digests.clear();
                }
                digests.put(demand, digest);
            }
            out.raw(digest);
        }
        out.ints(problem.fillers().size());
        for (Filler filler : problem.fillers()) {
            out.text(filler.campaignId());
            out.text(filler.kind().name());
            out.ints(filler.active().from(), filler.active().to());
            out.creatives(filler.rotation());
        }
        ByteBuffer hash = ByteBuffer.wrap(out.digest());
        return new HourKey(hash.getLong(), hash.getLong());
    }

    private static byte[] digest(Demand demand) {
        Encoder out = Encoder.get(DEMANDS);
        out.text(demand.campaignId());
        out.text(demand.kind().name());
        out.optionalText(demand.category());
        out.ints(
                demand.contracted() ? 1 : 0,
                demand.activeTo(),
                demand.precedence(),
                demand.windows().size());
        for (PlayWindow window : demand.windows()) {
            out.ints(window.from(), window.to(), window.plays());
        }
        out.creatives(demand.rotation());
        out.creatives(demand.creatives());
        return out.digest();
    }

    /** The key from its 16 bytes, as stored. */
    public static HourKey fromBytes(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("an hour key has 16 bytes, got " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new HourKey(buffer.getLong(), buffer.getLong());
    }

    public byte[] toBytes() {
        return ByteBuffer.allocate(16).putLong(high).putLong(low).array();
    }

    /**
     * Writes fields length-prefixed, so that no two different sequences of fields encode alike, into a buffer
     * digested once (a digest update per field cost more than the hashing). One per thread, reused.
     */
    private static final class Encoder {

        private final MessageDigest digest;
        private byte[] bytes = new byte[1024];
        private int size;

        private Encoder() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        static Encoder get(ThreadLocal<Encoder> encoders) {
            Encoder encoder = encoders.get();
            encoder.size = 0;
            return encoder;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        void ints(int... values) {
            room(4 * values.length);
            for (int value : values) {
                bytes[size++] = (byte) (value >>> 24);
                bytes[size++] = (byte) (value >>> 16);
                bytes[size++] = (byte) (value >>> 8);
                bytes[size++] = (byte) value;
            }
        }

        void longs(long value) {
            ints((int) (value >>> 32), (int) value);
        }

        void text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            ints(utf8.length);
            raw(utf8);
        }

        void optionalText(String value) {
            if (value == null) {
                ints(-1);
            } else {
                text(value);
            }
        }

        void creatives(List<CreativeChoice> creatives) {
            ints(creatives.size());
            for (CreativeChoice creative : creatives) {
                text(creative.id());
                ints(creative.durationSeconds(), creative.screenTypes().size());
                for (ScreenType type : ScreenType.values()) {
                    if (creative.screenTypes().contains(type)) {
                        text(type.name());
                    }
                }
            }
        }

        void raw(byte[] value) {
            room(value.length);
            System.arraycopy(value, 0, bytes, size, value.length);
            size += value.length;
        }

        byte[] digest() {
            digest.reset();
            digest.update(bytes, 0, size);
            return digest.digest();
        }
    }
}
