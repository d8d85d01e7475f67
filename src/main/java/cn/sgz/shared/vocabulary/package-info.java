/**
 * 业务词汇: the words every module shares — kinds of service ({@link cn.sgz.shared.vocabulary.ServiceKind}),
 * 服务领域 ({@link cn.sgz.shared.vocabulary.ServiceField}), the ledger an indicator counts in
 * ({@link cn.sgz.shared.vocabulary.LedgerDomain}) — each with ONE Chinese label. It sits in the open shared
 * kernel because the modules that use it (evidence, catalog, activity, progress, …) may not all depend on one
 * another (catalog depends on evidence, so the evidence rules cannot see a catalog type). Files and old API
 * clients may still use earlier codes and labels: {@link cn.sgz.shared.vocabulary.Labelled#parse} accepts them
 * as synonyms.
 */
package cn.sgz.shared.vocabulary;
