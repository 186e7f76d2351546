import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.util.BytesRef;

/**
 * What an index is made of: each segment's files (inside compound files too) summed by kind of structure, against
 * the raw bytes of the input; with --terms, per field the number of terms and their bytes (uncompressed: a rank of
 * which fields fill the terms dictionary, not its size on disk).
 *
 * <p>Usage: java -cp 'target/lib/*' benchmarks/src/Census.java INDEX RAW_BYTES [--terms]
 */
public class Census {
    static String kind(String file) {
        String ext = file.substring(file.lastIndexOf('.') + 1);
        return switch (ext) {
            case "tim", "tip", "tmd" -> "terms dictionary";
            case "doc" -> "postings (doc ids, freqs)";
            case "pos", "pay" -> "positions";
            case "fdt", "fdx", "fdm" -> "stored fields";
            case "dvd", "dvm" -> "doc values";
            case "kdd", "kdi", "kdm" -> "points";
            case "nvd", "nvm" -> "norms";
            case "liv" -> "deletions";
            default -> "other (" + ext + ")";
        };
    }

    public static void main(String[] args) throws Exception {
        Path index = Path.of(args[0]);
        long raw = Long.parseLong(args[1]);
        Map<String, Long> bytes = new TreeMap<>();
        long total = 0;
        try (Directory dir = FSDirectory.open(index)) {
            SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
            for (SegmentCommitInfo sci : infos) {
                Codec codec = sci.info.getCodec();
                for (String f : sci.files()) {
                    if (f.endsWith(".cfs") || f.endsWith(".cfe")) {
                        continue;
                    }
                    long n = dir.fileLength(f);
                    bytes.merge(kind(f), n, Long::sum);
                    total += n;
                }
                if (sci.info.getUseCompoundFile()) {
                    try (Directory cfs = codec.compoundFormat().getCompoundReader(dir, sci.info)) {
                        for (String f : cfs.listAll()) {
                            long n = cfs.fileLength(f);
                            bytes.merge(kind(f), n, Long::sum);
                            total += n;
                        }
                    }
                }
            }
            long outside = 0;
            try (var s = Files.list(index)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.startsWith("_") && !name.startsWith("segments") && !name.equals("write.lock")) {
                        outside += Files.size(p);
                        bytes.merge("beside the index: " + name, Files.size(p), Long::sum);
                    }
                }
            }
            System.out.printf("%-40s %15s %8s%n", "structure", "bytes", "÷ raw");
            bytes.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .forEach(e -> System.out.printf("%-40s %,15d %7.3fx%n", e.getKey(), e.getValue(), e.getValue() / (double) raw));
            System.out.printf("%-40s %,15d %7.3fx%n", "total (Lucene files)", total, total / (double) raw);
            System.out.printf("%-40s %,15d %7.3fx%n", "total with the files beside", total + outside, (total + outside) / (double) raw);
            if (args.length > 2 && args[2].equals("--terms")) {
                terms(dir);
            }
        }
    }

    static void terms(Directory dir) throws Exception {
        Map<String, long[]> per = new TreeMap<>();
        try (DirectoryReader r = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : r.leaves()) {
                for (FieldInfo fi : leaf.reader().getFieldInfos()) {
                    Terms t = leaf.reader().terms(fi.name);
                    if (t == null) {
                        continue;
                    }
                    long[] c = per.computeIfAbsent(fi.name, k -> new long[3]);
                    TermsEnum te = t.iterator();
                    for (BytesRef b = te.next(); b != null; b = te.next()) {
                        c[0]++;
                        c[1] += b.length;
                        c[2] += te.docFreq();
                    }
                }
            }
        }
        System.out.printf("%n%-55s %12s %15s %14s%n", "field (terms per segment, summed)", "terms", "term bytes", "postings");
        per.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(25)
                .forEach(e -> System.out.printf("%-55s %,12d %,15d %,14d%n", e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]));
    }
}
