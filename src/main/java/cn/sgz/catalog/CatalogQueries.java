package cn.sgz.catalog;

import cn.sgz.catalog.internal.CatalogStore;
import cn.sgz.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read API of catalogs for other modules (the indicator engine) and the pages. Catalogs are reference
 * data: every signed-in user may read every catalog, so these reads are not scoped.
 */
@Service
public class CatalogQueries {

    private final CatalogStore store;
    /**
     * Catalogs read before, with the revision they were read at. Safe with several instances: every
     * read checks the revision in the database (one primary-key look-up instead of seven statements).
     */
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long revision, Catalog catalog) {}

    CatalogQueries(CatalogStore store) {
        this.store = store;
    }

    /** Every catalog version, newest year first, each with its counts and whether it is the latest version. */
    @Transactional(readOnly = true)
    public List<CatalogSummary> list() {
        return store.list();
    }

    /** A catalog version with all its tasks, items, indicators and targets. */
    @Transactional(readOnly = true)
    public Catalog get(long catalogId) {
        return find(catalogId).orElseThrow(() -> new NotFoundException("服务清单"));
    }

    @Transactional(readOnly = true)
    public Optional<Catalog> find(long catalogId) {
        // the change counter is read once per GET request: a page asks for the same catalog from many services
        Optional<Long> revision =
                cn.sgz.shared.web.RequestMemo.get("catalog-revision:" + catalogId, () -> store.revision(catalogId));
        if (revision.isEmpty()) {
            cache.remove(catalogId);
            return Optional.empty();
        }
        Cached hit = cache.get(catalogId);
        if (hit != null && hit.revision() == revision.get()) {
            return Optional.of(hit.catalog());
        }
        Optional<Catalog> read = store.find(catalogId);
        read.ifPresent(c -> cache.put(catalogId, new Cached(revision.get(), c)));
        return read;
    }

    /** The newest version of a catalog by its code (e.g. "jiuyuan-2024"). */
    @Transactional(readOnly = true)
    public Optional<Catalog> latest(String code) {
        return store.latestId(code).flatMap(store::find);
    }

    /** All versions of the catalog with this code, newest first. */
    @Transactional(readOnly = true)
    public List<CatalogSummary> versions(String code) {
        return store.list().stream().filter(s -> s.code().equals(code)).toList();
    }
}
