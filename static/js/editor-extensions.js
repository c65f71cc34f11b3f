// The visual editor's extensions of this site (see EDITOR_EXTENSIONS in
// practice_site/richtext/rendering.py), loaded by django-prose-editor's "configurable" preset.
import { Extension } from "django-prose-editor/editor"

// Word writes a list item as a paragraph styled "mso-list:l0 level1 lfo1", its bullet or
// number as text in a span marked "mso-list:Ignore"; other word processors and web pages
// sometimes send a bulleted item as a paragraph starting with "•".
const WORD_LIST_LEVEL = /mso-list:\s*l\d+\s+level(\d+)/i
const WORD_MARKER = '[style*="mso-list:Ignore" i]'
const BULLET_TEXT = /^[\s\u00a0]*[•◦▪·][\s\u00a0]+/
const NUMBER_MARKER = /^\(?([0-9]+|[a-z]|[ivxlc]+)[.)]$/i

function listItemOf(paragraph) {
  const level = WORD_LIST_LEVEL.exec(paragraph.getAttribute("style") || "")
  const marker = paragraph.querySelector(WORD_MARKER)
  if (level || marker) {
    const text = marker ? marker.textContent.replace(/[\s\u00a0]/g, "") : ""
    marker?.remove()
    return { level: level ? Number(level[1]) : 1, numbered: NUMBER_MARKER.test(text) }
  }
  const first = paragraph.firstChild
  if (first?.nodeType === Node.TEXT_NODE && BULLET_TEXT.test(first.data)) {
    first.data = first.data.replace(BULLET_TEXT, "")
    return { level: 1, numbered: false }
  }
  return null
}

// Each run of such paragraphs becomes a real list (nested by Word's level), which the editor
// keeps; a paragraph that is not an item ends the run.
function convertLists(fragment) {
  const document = fragment.ownerDocument
  let lists = [] // the lists being filled, outermost first
  for (const paragraph of fragment.querySelectorAll("p")) {
    const item = listItemOf(paragraph)
    if (!item) {
      continue
    }
    if (paragraph.previousElementSibling !== lists[0]) {
      lists = []
    }
    lists.length = Math.min(lists.length, item.level)
    while (lists.length < item.level) {
      const list = document.createElement(item.numbered ? "ol" : "ul")
      if (lists.length) {
        const parent = lists.at(-1)
        ;(parent.lastElementChild ?? parent.appendChild(document.createElement("li"))).append(list)
      } else {
        paragraph.before(list)
      }
      lists.push(list)
    }
    const li = document.createElement("li")
    li.append(...paragraph.childNodes)
    lists.at(-1).append(li)
    paragraph.remove()
  }
}

export const WordPaste = Extension.create({
  name: "WordPaste",

  transformPastedHTML(html) {
    // Parsed inert, in a template: nothing in it loads or runs.
    const template = window.document.createElement("template")
    template.innerHTML = html
    const content = template.content
    // Word's tab is a run of no-break spaces, which the editor would keep: one space, as a
    // tab character would become.
    for (const tab of content.querySelectorAll('[style*="mso-tab-count" i]')) {
      tab.replaceWith(" ")
    }
    convertLists(content)
    // Nothing the editor keeps is in a style: without them, the editor's own parsing of the
    // result does not trip the Content-Security-Policy's style-src a second time.
    for (const style of content.querySelectorAll("style")) {
      style.remove()
    }
    for (const styled of content.querySelectorAll("[style]")) {
      styled.removeAttribute("style")
    }
    return template.innerHTML
  },
})

// Tiptap adds its base styles in a <style> element, which the site's Content-Security-Policy
// refuses: the same rules come from css/admin.css instead.
export const NoInjectedStyle = Extension.create({
  name: "NoInjectedStyle",

  onBeforeCreate() {
    this.editor.options.injectCSS = false
  },
})

// django-prose-editor writes most of its toolbar's labels in English in its script, not
// through gettext: this site's "djangojs" catalogue translates them, keyed by the library's
// text. The toolbar is redrawn as the cursor moves (the block type's button is replaced): every
// label that appears is translated, by a MutationObserver.
const HEADING = /^heading (\d)$/i

function toolbarLabels() {
  return new Map([
    ["bold", gettext("Bold")],
    ["italic", gettext("Italic")],
    ["unordered list", gettext("Bulleted list")],
    ["ordered list", gettext("Numbered list")],
    ["blockquote", gettext("Quotation")],
    ["insert link", gettext("Insert a link")],
    ["remove link", gettext("Remove the link")],
    ["undo", gettext("Undo")],
    ["redo", gettext("Redo")],
    ["paragraph", gettext("Paragraph")],
  ])
}

function translated(labels, text) {
  const heading = HEADING.exec(text)
  if (heading) {
    return interpolate(gettext("Heading %s"), [heading[1]])
  }
  return labels.get(text.toLowerCase()) ?? text
}

function translateToolbar(labels, toolbar) {
  for (const element of toolbar.querySelectorAll("[title], [aria-label]")) {
    for (const attribute of ["title", "aria-label"]) {
      const text = element.getAttribute(attribute)
      // Set only when it changes: the observer sees its own changes, and must stop there.
      if (text && translated(labels, text) !== text) {
        element.setAttribute(attribute, translated(labels, text))
      }
    }
  }
  // The block type menu's options: a heading or paragraph element with the English name.
  for (const option of toolbar.querySelectorAll(".prose-menubar__option > *")) {
    const text = option.textContent
    if (translated(labels, text) !== text) {
      option.textContent = translated(labels, text)
    }
  }
}

export const TranslatedToolbar = Extension.create({
  name: "TranslatedToolbar",

  onCreate() {
    const editor = this.editor.view.dom.closest(".prose-editor")
    if (!editor || typeof window.gettext !== "function") {
      return
    }
    const labels = toolbarLabels()
    const translate = () => {
      for (const toolbar of editor.querySelectorAll(".prose-menubar")) {
        translateToolbar(labels, toolbar)
      }
    }
    translate()
    const observer = new MutationObserver(translate)
    observer.observe(editor, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["title", "aria-label"],
    })
    this.storage.observer = observer
  },

  onDestroy() {
    this.storage.observer?.disconnect()
  },

  addStorage() {
    return { observer: null }
  },
})

// Tiptap's Link turns any text that looks like an address into a link, typed (its `autolink`
// option, off in EDITOR_EXTENSIONS) or pasted: "ouvrés.Je" (.je is Jersey's domain) became a
// link to http://ouvrés.Je. Pasted text keeps only addresses written in full ("https://…",
// "mailto:…"); links made with the link button are untouched.
const SCHEME = /^[a-z][a-z0-9+.-]*:/i

export const ExplicitLinksOnly = Extension.create({
  name: "ExplicitLinksOnly",

  onBeforeCreate() {
    const link = this.editor.extensionManager.extensions.find((extension) => extension.name === "link")
    if (link) {
      link.options.shouldAutoLink = (url) => SCHEME.test(url)
    }
  },
})
