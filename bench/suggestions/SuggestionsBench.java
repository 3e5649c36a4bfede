package io.tenantportal.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Times the suggestion search alone, without HTTP: the names of bench/redirect.sh (customers of five
 * names each) and its five shapes of unknown name, 1,000 of each, through the same entry point a 404
 * uses, less the remembered answers (a name asked before is answered from those without a search).
 * Compiled into the tenant package by bench/suggestions.sh, since the index is package-private.
 */
public final class SuggestionsBench {

    private SuggestionsBench() {
    }

    public static void main(String[] args) {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double secondsEach = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        MsspNames names = new MsspNames();
        for (int i = 1; i <= customers; i++) {
            UUID tenantId = new UUID(i, i);
            CustomerView view = new CustomerView(tenantId.toString(), "Customer " + i + " Ltd", null, null, List.of(),
                    List.of(), List.of(), "import", null, null, null, null, null);
            names.apply(new IndexedCustomer(i, 1, 1, false, tenantId, view, List.of(
                    new IndexedCustomer.IndexedName("customer " + i + " ltd", "customer" + i, NameKind.DISPLAY_NAME),
                    new IndexedCustomer.IndexedName("c" + i, "c" + i, NameKind.ALIAS),
                    new IndexedCustomer.IndexedName("cust-" + i, "cust" + i, NameKind.ALIAS),
                    new IndexedCustomer.IndexedName("customer" + i + ".example", null, NameKind.DOMAIN),
                    new IndexedCustomer.IndexedName("customer" + i + ".onmicrosoft.com", null, NameKind.DOMAIN))), false);
        }
        long started = System.nanoTime();
        names.rebuildSimilar(Runnable::run);
        System.out.printf("%d customers, %d names; suggestion index built in %d ms%n", customers, customers * 5,
                (System.nanoTime() - started) / 1_000_000);
        String[] shapes = { "custmer %d lt", "cx%dq", "cust-%d-9", "customer%d.exampel", "customer%d.onmicrosft.com" };
        List<List<String>> queries = new ArrayList<>();
        for (String shape : shapes) {
            List<String> ofShape = new ArrayList<>();
            for (int j = 1; j <= 1000; j++) {
                ofShape.add(String.format(shape, (int) ((long) j * 7919 % customers) + 1));
            }
            queries.add(ofShape);
        }
        for (int round = 1; round <= 3; round++) {
            double sum = 0;
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (int s = 0; s < shapes.length; s++) {
                double micros = microsPerQuery(names, queries.get(s), secondsEach);
                sum += micros;
                line.append(String.format("  %s %.1f", shapes[s].replace("%d", "N"), micros));
            }
            System.out.println(line.append(String.format("  | mean %.1f us per query", sum / shapes.length)));
        }
    }

    private static double microsPerQuery(MsspNames names, List<String> queries, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long started = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            for (String query : queries) {
                names.mostSimilar(query, TenantResolver.MAX_SUGGESTIONS, Runnable::run);
                count++;
            }
        }
        return (System.nanoTime() - started) / 1000.0 / count;
    }
}
