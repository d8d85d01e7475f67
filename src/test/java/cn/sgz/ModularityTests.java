package cn.sgz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries (docs/architecture.md): modules use each other's root API only, only the dependencies each
 * declares in its package-info.java ({@code allowedDependencies}), and no cycles. Writes the module diagrams and
 * canvases into docs/modules.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SgzApplication.class);

    @Test
    void verifiesModuleStructure() {
        modules.verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayDependOn() throws ClassNotFoundException {
        for (var module : modules) {
            String pkg = module.getBasePackage().getName();
            ApplicationModule declared = Class.forName(pkg + ".package-info").getAnnotation(ApplicationModule.class);
            assertThat(declared).as("@ApplicationModule on %s", pkg).isNotNull();
            if (declared.type() != ApplicationModule.Type.OPEN) {
                assertThat(declared.allowedDependencies())
                        .as("allowedDependencies of %s", pkg)
                        .isNotEmpty();
            }
        }
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
