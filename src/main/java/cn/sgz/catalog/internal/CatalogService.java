package cn.sgz.catalog.internal;

import cn.sgz.catalog.Catalog;
import cn.sgz.catalog.CatalogContent;
import cn.sgz.catalog.CatalogQueries;
import cn.sgz.catalog.CatalogStatus;
import cn.sgz.org.CurrentUser;
import cn.sgz.org.Role;
import cn.sgz.org.ScopeService;
import cn.sgz.shared.AuditEvent;
import cn.sgz.shared.BusinessException;
import cn.sgz.shared.ForbiddenException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing, publishing and exporting catalogs. A draft is corrected in place; a published version is
 * never changed (projects point at it): importing the same code again creates the next version.
 */
@Service
class CatalogService {

    static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.CITY_OFFICER, Role.BUREAU_OFFICER);

    enum Outcome {
        CREATED("已创建服务清单"),
        NEW_VERSION("已创建新版本（原版本保持不变，已用于项目的不受影响）"),
        DRAFT_REPLACED("已更新草稿"),
        UNCHANGED("内容与最新版本相同，未作修改");

        final String message;

        Outcome(String message) {
            this.message = message;
        }
    }

    record ImportResult(long catalogId, String code, int version, Outcome outcome, String message) {}

    private final CatalogStore store;
    private final CatalogQueries queries;
    private final ScopeService scopes;
    private final ApplicationEventPublisher events;

    CatalogService(CatalogStore store, CatalogQueries queries, ScopeService scopes, ApplicationEventPublisher events) {
        this.store = store;
        this.queries = queries;
        this.scopes = scopes;
        this.events = events;
    }

    static boolean canWrite(Role role) {
        return WRITERS.contains(role);
    }

    @Transactional
    public ImportResult importYaml(byte[] body) {
        CurrentUser me = requireWriter();
        String text = new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8);
        return save(CatalogYaml.parse(text), me.username(), null);
    }

    /** Edit of one catalog through its YAML text: the code in the text must stay the catalog's own. */
    @Transactional
    public ImportResult editYaml(long catalogId, String text) {
        CurrentUser me = requireWriter();
        Catalog current = queries.get(catalogId);
        CatalogContent content = CatalogYaml.parse(text);
        if (!current.code().equals(content.code())) {
            throw BusinessException.field("code", "编辑时不能修改服务清单编码（应为“" + current.code() + "”）");
        }
        return save(content, me.username(), null);
    }

    @Transactional
    public ImportResult importXlsx(byte[] bytes) {
        CurrentUser me = requireWriter();
        return save(CatalogExcel.parse(bytes), me.username(), null);
    }

    @Transactional
    public Catalog publish(long catalogId) {
        requireWriter();
        Catalog c = queries.get(catalogId);
        if (c.status() != CatalogStatus.PUBLISHED) {
            store.setStatus(catalogId, CatalogStatus.PUBLISHED);
            events.publishEvent(
                    AuditEvent.success("CATALOG_PUBLISH", "CATALOG", catalogId, null, c.code() + " v" + c.version()));
        }
        return queries.get(catalogId);
    }

    String exportYaml(long catalogId) {
        return CatalogYaml.export(queries.get(catalogId).content().withoutIds());
    }

    byte[] exportXlsx(long catalogId) {
        return CatalogExcel.export(queries.get(catalogId).content().withoutIds());
    }

    /** Loads a built-in catalog once: published, marked built-in; later edits become new versions. */
    @Transactional
    public Optional<Long> loadBuiltin(CatalogContent content) {
        if (store.latestId(content.code()).isPresent()) {
            return Optional.empty();
        }
        long id = store.insert(content, 1, CatalogStatus.PUBLISHED, null, true, "system");
        events.publishEvent(new AuditEvent(
                "system", "CATALOG_BUILTIN", "CATALOG", String.valueOf(id), null, "SUCCESS", content.code()));
        return Optional.of(id);
    }

    private ImportResult save(CatalogContent content, String by, Long unused) {
        Optional<Catalog> latest = store.latestId(content.code()).flatMap(store::find);
        long id;
        int version;
        Outcome outcome;
        if (latest.isEmpty()) {
            id = store.insert(content, 1, CatalogStatus.DRAFT, null, false, by);
            version = 1;
            outcome = Outcome.CREATED;
        } else if (latest.get().content().withoutIds().equals(content.withoutIds())) {
            id = latest.get().id();
            version = latest.get().version();
            outcome = Outcome.UNCHANGED;
        } else if (latest.get().status() == CatalogStatus.DRAFT
                && store.projectCount(latest.get().id()) == 0) {
            id = latest.get().id();
            version = latest.get().version();
            store.replace(id, content);
            outcome = Outcome.DRAFT_REPLACED;
        } else {
            version = store.maxVersion(content.code()) + 1;
            id = store.insert(
                    content, version, CatalogStatus.DRAFT, latest.get().id(), false, by);
            outcome = Outcome.NEW_VERSION;
        }
        if (outcome != Outcome.UNCHANGED) {
            events.publishEvent(AuditEvent.success(
                    "CATALOG_IMPORT", "CATALOG", id, null, content.code() + " v" + version + " " + outcome.name()));
        }
        return new ImportResult(
                id, content.code(), version, outcome, outcome.message + "：" + content.name() + "（第" + version + "版）");
    }

    private CurrentUser requireWriter() {
        CurrentUser me = scopes.currentUser();
        if (!canWrite(me.role())) {
            throw new ForbiddenException("当前角色无权维护服务清单");
        }
        return me;
    }
}
