package cn.sgz.offline.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 离线记录 page: a shell with no personal data in it, filled on the phone from the working set kept in IndexedDB.
 * The service worker keeps a copy and opens it for any field page asked for while offline.
 */
@Controller
class FieldPageController {

    private final OfflineSync sync;

    FieldPageController(OfflineSync sync) {
        this.sync = sync;
    }

    @GetMapping("/field")
    String field(Model model) {
        model.addAttribute("fieldRole", sync.isFieldRole());
        return "offline/field";
    }
}
