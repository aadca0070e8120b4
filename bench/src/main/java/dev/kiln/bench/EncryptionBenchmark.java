package dev.kiln.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;
import dev.kiln.state.StateJson;
import dev.kiln.state.encryption.Content;
import dev.kiln.state.encryption.Pbkdf2KeyProvider;
import dev.kiln.state.encryption.SealedStateCodec;
import dev.kiln.state.encryption.StateEncryption;
import dev.kiln.state.journal.Journal;
import dev.kiln.state.journal.JournalAction;
import dev.kiln.state.journal.JournalContents;
import dev.kiln.state.journal.JournalRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What state encryption costs: deriving the key from a passphrase (PBKDF2-HMAC-SHA512, 600,000
 * iterations; paid once per process for sealing and once per salt for opening), appending
 * journal records (an intent, forced to disk, and a result per action) with and without
 * encryption, reading the journal back, and sealing and opening a state of many instances.
 *
 * <pre>java -cp kiln-bench.jar dev.kiln.bench.EncryptionBenchmark [--records 5000] [--instances 10000] [--derivations 3] [--directory DIR]</pre>
 */
public final class EncryptionBenchmark
{
    private static final String PASSPHRASE = "benchmark passphrase";

    private EncryptionBenchmark() {}

    public static void main(String[] args)
            throws IOException
    {
        int records = 5_000;
        int instances = 10_000;
        int derivations = 3;
        Path directory = null;
        for (int index = 0; index + 1 < args.length; index += 2) {
            String value = args[index + 1];
            switch (args[index]) {
                case "--records" -> records = Integer.parseInt(value);
                case "--instances" -> instances = Integer.parseInt(value);
                case "--derivations" -> derivations = Integer.parseInt(value);
                case "--directory" -> directory = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[index] + "; options: --records N --instances N --derivations N --directory DIR");
            }
        }
        Path work = directory != null ? Files.createDirectories(directory) : Files.createTempDirectory("kiln-encryption-bench");
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "== key derivation (PBKDF2-HMAC-SHA512, %,d iterations), %d fresh processes' worth%n", Pbkdf2KeyProvider.DEFAULT_ITERATIONS, derivations);
        List<Long> derivationTimes = new ArrayList<>();
        List<Long> derivationCpu = new ArrayList<>();
        for (int run = 0; run < derivations; run++) {
            StateEncryption encryption = StateEncryption.of(new Pbkdf2KeyProvider(PASSPHRASE), Optional.empty());
            long start = System.nanoTime();
            long cpuStart = cpu();
            encryption.seal(new byte[] {'{', '}'}, Content.STATE);
            derivationCpu.add(cpu() - cpuStart);
            derivationTimes.add(System.nanoTime() - start);
        }
        out.printf(Locale.ROOT, "derive once: wall min %.0f ms, median %.0f ms; CPU min %.0f ms%n",
                millis(Collections.min(derivationTimes)), millis(median(derivationTimes)), millis(Collections.min(derivationCpu)));

        StateEncryption encryption = StateEncryption.of(new Pbkdf2KeyProvider(PASSPHRASE), Optional.empty());
        encryption.seal(new byte[0], Content.STATE);
        out.printf(Locale.ROOT, "== journal: %,d actions (an intent forced to disk and a result each), warm, in %s%n", records, work);
        for (int round = 0; round < 2; round++) {
            long plainCpu = cpu();
            long plain = journal(work.resolve("plain-" + round), records, StateEncryption.none());
            plainCpu = cpu() - plainCpu;
            long sealedCpu = cpu();
            long sealed = journal(work.resolve("sealed-" + round), records, encryption);
            sealedCpu = cpu() - sealedCpu;
            if (round == 1) {
                out.printf(Locale.ROOT, "append, plaintext: wall %,.1f µs, CPU %,.1f µs per action%n", micros(plain) / records, micros(plainCpu) / records);
                out.printf(Locale.ROOT, "append, encrypted: wall %,.1f µs, CPU %,.1f µs per action (CPU +%.1f µs)%n",
                        micros(sealed) / records, micros(sealedCpu) / records, (micros(sealedCpu) - micros(plainCpu)) / records);
            }
        }
        long plainReadCpu = cpu();
        JournalContents.read(work.resolve("plain-1"), StateEncryption.none());
        plainReadCpu = cpu() - plainReadCpu;
        StateEncryption reader = StateEncryption.of(new Pbkdf2KeyProvider(PASSPHRASE), Optional.empty());
        long readStart = System.nanoTime();
        long readCpu = cpu();
        JournalContents contents = JournalContents.read(work.resolve("sealed-1"), reader);
        readCpu = cpu() - readCpu;
        long read = System.nanoTime() - readStart;
        out.printf(Locale.ROOT, "read back %,d sealed records in a new process: wall %.0f ms, CPU %.0f ms (one derivation included); plaintext CPU %.0f ms%n",
                contents.records().size(), millis(read), millis(readCpu), millis(plainReadCpu));

        out.printf(Locale.ROOT, "== state of %,d instances%n", instances);
        State state = state(instances);
        SealedStateCodec plainCodec = SealedStateCodec.plaintext();
        SealedStateCodec sealedCodec = new SealedStateCodec(encryption);
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            byte[] plainBytes = plainCodec.encode(state);
            long encodePlain = System.nanoTime() - start;
            start = System.nanoTime();
            byte[] sealedBytes = sealedCodec.encode(state);
            long encodeSealed = System.nanoTime() - start;
            start = System.nanoTime();
            plainCodec.decode(plainBytes, "plain");
            long decodePlain = System.nanoTime() - start;
            start = System.nanoTime();
            sealedCodec.decode(sealedBytes, "sealed");
            long decodeSealed = System.nanoTime() - start;
            if (round == 2) {
                out.printf(Locale.ROOT, "size: %,d bytes plaintext, %,d bytes sealed%n", plainBytes.length, sealedBytes.length);
                out.printf(Locale.ROOT, "encode: %.0f ms plaintext, %.0f ms sealed; decode: %.0f ms plaintext, %.0f ms sealed%n",
                        millis(encodePlain), millis(encodeSealed), millis(decodePlain), millis(decodeSealed));
            }
        }
    }

    private static long journal(Path file, int records, StateEncryption encryption)
            throws IOException
    {
        ObjectNode planned = StateJson.object().put("address", "10.0.0.1").put("version", "v1.31.2").put("pool", "default");
        long start = System.nanoTime();
        try (Journal journal = Journal.open(file, "bench", Clock.systemUTC(), encryption)) {
            for (int index = 0; index < records; index++) {
                JournalRecord.Intent intent = journal.intent(new ResourceAddress("node", "w", new InstanceKey.Index(index)), JournalAction.CREATE, "sim", List.of(), planned);
                journal.succeeded(intent, Optional.of(planned.deepCopy().put("id", "n-" + index)), List.of());
            }
        }
        return System.nanoTime() - start;
    }

    private static State state(int instances)
    {
        State.Builder builder = State.create("0.1.0").toBuilder();
        Instant now = Instant.parse("2026-11-22T00:00:00Z");
        for (int index = 0; index < instances; index++) {
            ObjectNode attributes = StateJson.object().put("address", "10.0." + (index / 250) + "." + (index % 250)).put("version", "v1.31.2").put("id", "n-" + index);
            builder.putResource(ResourceInstance.created(new ResourceAddress("node", "w", new InstanceKey.Index(index)), "sim", attributes, now));
        }
        return builder.build();
    }

    private static long cpu()
    {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long median(List<Long> values)
    {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double millis(long nanos)
    {
        return nanos / 1e6;
    }

    private static double micros(long nanos)
    {
        return nanos / 1e3;
    }
}
