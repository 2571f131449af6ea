package org.coopkg.testing;

import java.util.Map;

/**
 * What people type of a name in the query editor, and the entity they mean (its id, {@code kind/id}): beginnings,
 * lower case, missing accents, near spellings. The lookup's test finds each in the top three; its latency harness
 * (bench/LookupLatency) times the same table.
 */
public final class TypedNames {
    public static final Map<String, String> INTENDED = Map.ofEntries(
            Map.entry("tsing", "organisation/tsinghua-university"),
            Map.entry("tsinhua univ", "organisation/tsinghua-university"),
            Map.entry("max pla", "organisation/max-planck-society"),
            Map.entry("max plänck", "organisation/max-planck-society"),
            Map.entry("chinese acad", "organisation/cas"),
            Map.entry("philip d", "person/philip-diamond"),
            Map.entry("diamond", "person/philip-diamond"),
            Map.entry("zhang zheng", "person/zhang-zhengmao"),
            Map.entry("michel bl", "person/michel-blanc"),
            Map.entry("campos", "person/ahimsa-campos-arceiz"),
            Map.entry("square kilo", "facility/ska"),
            Map.entry("meerkat", "facility/meerkat"),
            Map.entry("five-hundred", "facility/fast"),
            Map.entry("beidou", "facility/beidou"),
            Map.entry("deep-time", "project/dde"),
            Map.entry("ocean negative", "project/once"),
            Map.entry("meridian circ", "project/imcp"),
            Map.entry("uruguay", "place/uruguay"),
            Map.entry("germ", "place/germany"),
            Map.entry("south afr", "place/south-africa"),
            Map.entry("soybean joint", "lab/china-uruguay-soybean-lab"),
            Map.entry("zhongguancun", "event/zhongguancun-forum"),
            Map.entry("stellenbosh", "organisation/stellenbosch-university"),
            Map.entry("xishuangbana", "organisation/xtbg"));

    private TypedNames() {}
}
