package cn.sgz.catalog.internal;

import cn.sgz.catalog.CatalogContent;

/** Test access to the built-in catalog files. */
public final class BuiltinAccess {

    private BuiltinAccess() {}

    public static CatalogContent parse(String file) {
        return CatalogYaml.parse(BuiltinCatalogs.read(file));
    }
}
