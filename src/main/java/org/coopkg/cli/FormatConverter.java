package org.coopkg.cli;

import java.util.ArrayList;
import java.util.List;

import org.coopkg.core.Format;
import org.coopkg.core.UnsupportedFormatException;
import org.coopkg.export.ExportFormats;
import org.coopkg.query.QueryRunner;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --format NAME} among the formats a command offers: an unknown name is a usage error listing them. */
abstract class FormatConverter implements ITypeConverter<Format> {
    private final List<Format> offered;
    private final String what;

    FormatConverter(List<Format> offered, String what) {
        this.offered = offered;
        this.what = what;
    }

    @Override
    public Format convert(String value) {
        try {
            return Format.parse(value, offered, what);
        } catch (UnsupportedFormatException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    static final class Export extends FormatConverter {
        Export() {
            super(ExportFormats.ALL, "export");
        }
    }

    static final class Load extends FormatConverter {
        Load() {
            super(LoadCommand.FORMATS, "load");
        }
    }

    /** Any format a query answer prints in; whether it fits the query is checked once the query is read. */
    static final class Query extends FormatConverter {
        Query() {
            super(answers(), "query result");
        }

        private static List<Format> answers() {
            List<Format> all = new ArrayList<>(QueryRunner.TABLE_FORMATS);
            all.addAll(QueryRunner.GRAPH_FORMATS);
            return all;
        }
    }
}
