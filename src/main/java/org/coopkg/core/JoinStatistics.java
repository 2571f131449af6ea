package org.coopkg.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.optimizer.StatsMatcher;
import org.apache.jena.sparql.graph.NodeConst;
import org.apache.jena.sparql.sse.Item;
import org.apache.jena.sparql.sse.ItemList;
import org.apache.jena.sparql.sse.ItemWriter;
import org.apache.jena.sparql.util.NodeFactoryExtra;

/**
 * Counts of a graph for ordering the triple patterns of a join, in Jena's statistics format ({@link StatsMatcher}:
 * TDB2 reads it as {@code stats.opt}, {@code ReorderWeighted} from it). Jena's own statistics ({@code tdb2.tdbstats})
 * give each predicate's count and guess the rest: a pattern with its object fixed is taken to match at most 10
 * triples. That misleads on this data, whose objects are often hubs ({@code ?x coop:locatedIn <China>},
 * {@code ?x rdf:type coop:Person}). So, per predicate, besides its count:
 * <ul>
 * <li>a pattern with subject and object fixed: one triple;</li>
 * <li>each object that at least {@value #HUB_SHARE_PERCENT}% of the predicate's triples (and {@value #HUB_MIN}) point
 * to, with its exact count ({@code rdf:type}: every class), for a variable subject;</li>
 * <li>the average number of triples for one fixed subject and for one fixed object, for the other values.</li>
 * </ul>
 * The first pattern that matches gives the weight, so the exact ones come first.
 */
public final class JoinStatistics {
    static final int HUB_SHARE_PERCENT = 1;
    static final int HUB_MIN = 100;
    private final Item stats;

    private JoinStatistics(Item stats) {
        this.stats = stats;
    }

    /** Gathers the statistics of {@code graph} in one pass per predicate. */
    public static JoinStatistics of(Graph graph) {
        Map<Node, Long> counts = new LinkedHashMap<>();
        graph.find().forEachRemaining(t -> counts.merge(t.getPredicate(), 1L, Long::sum));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        Item stats = Item.createList();
        ItemList list = stats.getList();
        list.add("stats");
        Item meta = Item.createTagged(StatsMatcher.META);
        Item.addPair(meta.getList(), StatsMatcher.COUNT, NodeFactoryExtra.intToNode(total));
        list.add(meta);
        List<Item> exact = new ArrayList<>();
        List<Item> averages = new ArrayList<>();
        List<Item> predicates = new ArrayList<>();
        counts.forEach((p, count) -> {
            Map<Node, Long> perObject = new HashMap<>();
            Set<Node> subjects = new HashSet<>();
            graph.find(Node.ANY, p, Node.ANY).forEachRemaining(t -> {
                perObject.merge(t.getObject(), 1L, Long::sum);
                subjects.add(t.getSubject());
            });
            boolean type = NodeConst.nodeRDFType.equals(p);
            long hub = Math.max(HUB_MIN, count * HUB_SHARE_PERCENT / 100);
            exact.add(pattern(Item.createSymbol("TERM"), p, Item.createSymbol("TERM"), 1));
            perObject.forEach((o, n) -> {
                if (type || n >= hub) exact.add(pattern(Item.createSymbol("VAR"), p, Item.createNode(o), n));
            });
            averages.add(pattern(Item.createSymbol("TERM"), p, Item.createSymbol("ANY"), Math.max(1, count / subjects.size())));
            averages.add(pattern(Item.createSymbol("ANY"), p, Item.createSymbol("TERM"), Math.max(1, count / perObject.size())));
            predicates.add(pair(Item.createNode(p), count));
        });
        exact.forEach(list::add);
        averages.forEach(list::add);
        predicates.forEach(list::add);
        // A predicate the data does not have matches nothing: evaluate it first.
        list.add(pair(StatsMatcher.OTHER, 0));
        return new JoinStatistics(stats);
    }

    private static Item pattern(Item subject, Node predicate, Item object, long weight) {
        ItemList triple = new ItemList();
        triple.add(subject);
        triple.add(Item.createNode(predicate));
        triple.add(object);
        return pair(Item.createList(triple), weight);
    }

    private static Item pair(Item key, long weight) {
        ItemList pair = new ItemList();
        pair.add(key);
        pair.add(Item.createNode(NodeFactoryExtra.intToNode(weight)));
        return Item.createList(pair);
    }

    /** The matcher Jena's weighted reorder reads. */
    public StatsMatcher matcher() {
        return new StatsMatcher(stats);
    }

    /** Writes the statistics as a file TDB2 reads at start ({@code stats.opt}); written aside, then moved in place. */
    public void write(Path file) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(part)) {
            ItemWriter.write(out, stats);
        }
        Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** How many patterns the statistics hold (for reports). */
    public int size() {
        return stats.getList().size() - 2;
    }
}
