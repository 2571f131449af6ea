package org.coopkg.query.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.pfunction.library.listMember;
import org.junit.jupiter.api.Test;

/** A query's property-function registry answers as the one it stands for, asking it once per URI. */
class RememberedPropertyFunctionsTest {
    private static final String LIST_MEMBER = "http://jena.apache.org/ARQ/list#member";
    private static final String PLAIN = "https://w3id.org/coop-kg/ontology#contributor";

    /** A registry that records what it is asked. */
    private static final class Asked extends PropertyFunctionRegistry {
        final List<String> uris = new ArrayList<>();
        final PropertyFunctionRegistry standard = PropertyFunctionRegistry.get();

        @Override
        public PropertyFunctionFactory get(String uri) {
            uris.add(uri);
            return standard.get(uri);
        }
    }

    @Test
    void eachUriIsLookedUpOnce() {
        Asked asked = new Asked();
        RememberedPropertyFunctions remembered = new RememberedPropertyFunctions(asked);
        for (int i = 0; i < 3; i++) {
            assertNull(remembered.get(PLAIN));
            assertNotNull(remembered.get(LIST_MEMBER));
        }
        assertEquals(List.of(PLAIN, LIST_MEMBER), asked.uris);
    }

    @Test
    void aRegistrationIsSeenAtOnce() {
        PropertyFunctionRegistry underlying = PropertyFunctionRegistry.createFrom(PropertyFunctionRegistry.get());
        RememberedPropertyFunctions remembered = new RememberedPropertyFunctions(underlying);
        assertNull(remembered.get(PLAIN));
        PropertyFunctionFactory factory = uri -> new listMember();
        remembered.put(PLAIN, factory);
        assertSame(factory, remembered.get(PLAIN));
        assertSame(factory, underlying.get(PLAIN));
        remembered.remove(PLAIN);
        assertNull(remembered.get(PLAIN));
    }
}
