/* tenderarchive: a dashboard chart with no rows for the chosen jeugdregio says so.

   datasette-dashboards (static/dashboards.js) drew a vega-lite chart with no rows as an empty frame with a lone
   "0" on its axis, and its table renderer read the columns of the first row, which was not there: a JavaScript
   error, the card left blank. This file is loaded in the head of the dashboard pages
   (datasette_plugin.extra_js_urls) and, the moment dashboards.js has run (its script element's load event, before
   the page's own script calls renderChart), wraps vegaEmbed and the table renderer: no rows, a line saying so.

   It also gives each chart the schema of the library the page loaded: dashboards.js writes vega-lite v5's (and vega
   v5's) while the vega-lite it bundles is 6, and vega-embed warned "The input spec uses Vega-Lite v5, but the current
   version of Vega-Lite is v6.4.1" in the console once per chart. A bar chart of categories (a nominal or ordinal y:
   procedure types, notice types) is given the height vega-lite gives it anyway, a step (20px) per category, as a
   number: with dashboards.js's container width its step height made vega-lite warn 'Dropping "fit-y" because spec
   has discrete height' and draw the same chart. tests/browser/test_dashboard_console.py reads the console. */
(function () {
  'use strict'

  function sayNoData (el) {
    const p = document.createElement('p')
    p.className = 'chart-no-data'
    p.style.textAlign = 'center'
    p.style.color = '#666'
    p.textContent = new URLSearchParams(window.location.search).get('jeugdregio')
      ? 'No data for this jeugdregio'
      : 'No data'
    el.replaceChildren(p)
  }

  // the rows of a vega-lite spec (data.values) or a vega spec (data[0].values); null when not given inline
  function inlineRows (spec) {
    const data = spec && spec.data
    const first = Array.isArray(data) ? data[0] : data
    return first && Array.isArray(first.values) ? first.values : null
  }

  // the spec with the $schema of the library loaded (window.vegaLite / window.vega), and a chart of categories
  // (a discrete y) with the height of its steps as a number where vega-lite warned dropping "fit-y" to draw it so
  function agreed (spec) {
    if (!spec || typeof spec.$schema !== 'string') return spec
    const lite = /\/schema\/vega-lite\//.test(spec.$schema)
    const library = lite ? window.vegaLite : window.vega
    const major = library && typeof library.version === 'string' ? library.version.split('.')[0] : null
    const out = Object.assign({}, spec)
    if (major && /^\d+$/.test(major)) out.$schema = spec.$schema.replace(/\/v\d+(\.\d+)*\.json$/, '/v' + major + '.json')
    const y = lite && spec.encoding && spec.encoding.y
    const rows = inlineRows(spec)
    if (y && (y.type === 'nominal' || y.type === 'ordinal') && typeof y.field === 'string' && rows &&
        (spec.height === undefined || spec.height === 'container') && spec.autosize === undefined) {
      const view = (spec.config && spec.config.view) || {}
      const step = (view.discreteHeight && view.discreteHeight.step) || (view.step) || 20
      out.height = new Set(rows.map(function (row) { return row[y.field] })).size * step
      out.autosize = spec.width === 'container' ? { type: 'fit-x', contains: 'padding' } : undefined
      if (out.autosize === undefined) delete out.autosize
    }
    return out
  }

  function patch () {
    if (window.tenderarchiveDashboardPatched) return
    window.tenderarchiveDashboardPatched = true
    const vegaEmbed = window.vegaEmbed
    if (typeof vegaEmbed === 'function') {
      window.vegaEmbed = function (el, spec, options) {
        const rows = inlineRows(spec)
        if (rows && rows.length === 0) {
          sayNoData(el)
          return Promise.resolve(null)
        }
        return vegaEmbed(el, agreed(spec), options)
      }
    }
    const renderTableChart = window.renderTableChart
    if (typeof renderTableChart === 'function' && typeof window.getDataUrl === 'function') {
      // one more request of the same (small, aggregated) query: the renderer fetches its rows itself
      window.renderTableChart = async function (slug, chart, queryString, absoluteUrl, fullHeight) {
        const response = await fetch(window.getDataUrl(chart, queryString, absoluteUrl))
        const data = await response.json()
        const el = document.querySelector('#chart-' + slug)
        if (el && Array.isArray(data.rows) && data.rows.length === 0) {
          sayNoData(el)
          return
        }
        return renderTableChart(slug, chart, queryString, absoluteUrl, fullHeight)
      }
    }
  }

  document.addEventListener('load', function (event) {
    const src = event.target && event.target.src
    if (src && /\/datasette_dashboards\/dashboards\.js(\?|$)/.test(src)) patch()
  }, true)
})()
