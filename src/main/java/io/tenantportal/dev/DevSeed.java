package io.tenantportal.dev;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.tenantportal.mssp.Actor;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.MsspRegistry;
import io.tenantportal.tenant.CustomerDraft;
import io.tenantportal.tenant.CustomerInput;
import io.tenantportal.tenant.CustomerService;

/** Dev mode only: fictional customers for the sample MSSP, so the first curl has something to find. */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevSeed {

    private static final Logger LOG = Logger.getLogger(DevSeed.class);

    record Sample(String tenantId, String displayName, String domain, String initialDomain, List<String> aliases) {
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("6f1c2a3b-4d5e-4f60-8a1b-2c3d4e5f6071", "Contoso Ltd", "contoso.com",
                    "contoso.onmicrosoft.com", List.of("Contoso", "CONTOSO-UK")),
            new Sample("7a2b3c4d-5e6f-4071-9b2c-3d4e5f607182", "Fabrikam Inc", "fabrikam.com",
                    "fabrikam.onmicrosoft.com", List.of("Fabrikam")),
            new Sample("8b3c4d5e-6f70-4182-8c3d-4e5f60718293", "Adatum Corporation", "adatum.com",
                    "adatum.onmicrosoft.com", List.of("Adatum", "A. Datum")),
            new Sample("9c4d5e6f-7081-4293-9d4e-5f60718293a4", "Tailspin Toys", "tailspintoys.com",
                    "tailspintoys.onmicrosoft.com", List.of()),
            new Sample("ad5e6f70-8192-43a4-8e5f-60718293a4b5", "Woodgrove Bank", "woodgrovebank.com",
                    "woodgrovebank.onmicrosoft.com", List.of("Woodgrove")),
            new Sample("be6f7081-92a3-44b5-9f60-718293a4b5c6", "Northwind Traders", "northwindtraders.com",
                    null, List.of("Northwind")));

    @Inject
    MsspRegistry registry;

    @Inject
    CustomerService customers;

    void onStart(@Observes @Priority(MsspRegistry.STARTUP_PRIORITY + 2) StartupEvent event) {
        Mssp mssp = registry.all().stream().findFirst().orElseThrow();
        int created = 0;
        for (Sample s : SAMPLES) {
            CustomerInput input = new CustomerInput(null, s.displayName(), s.domain(), s.initialDomain(),
                    List.of(s.domain()), s.aliases(), List.of(), "import", null);
            if (customers.put(mssp, CustomerDraft.from(UUID.fromString(s.tenantId()), input), Actor.system("dev-seed")).created()) {
                created++;
            }
        }
        LOG.infof("dev seed: %d sample customers for MSSP '%s' (%d new); try: curl -i localhost:8080/tenants/contoso/portal",
                SAMPLES.size(), mssp.key(), created);
    }
}
