package cn.sgz.recipient.internal;

import cn.sgz.shared.BusinessException;

/** The uploaded file cannot be read as a list at all (wrong type, hostile, too big): nothing is written. */
class ImportRefusedException extends BusinessException {

    ImportRefusedException(String message) {
        super("IMPORT_REFUSED", message);
    }
}
