package org.coopkg.web;

import java.util.List;

/** One section of an entity's page; a section with nothing to say writes nothing. */
interface PageSection {
    void write(Html h, EntityContext page);

    /** Opens a table with a header row of these columns; the caller writes the body rows and closes it. */
    static void openTable(Html h, List<String> columns) {
        h.open("table").open("thead").open("tr");
        for (String c : columns) h.element("th", c);
        h.close("tr").close("thead").open("tbody");
    }
}
