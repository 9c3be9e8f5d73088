/* tenderarchive: a dashboard chart with no rows for the chosen jeugdregio says so.

   datasette-dashboards (static/dashboards.js) drew a vega-lite chart with no rows as an empty frame with a lone
   "0" on its axis, and its table renderer read the columns of the first row, which was not there: a JavaScript
   error, the card left blank. This file is loaded in the head of the dashboard pages
   (datasette_plugin.extra_js_urls) and, the moment dashboards.js has run (its script element's load event, before
   the page's own script calls renderChart), wraps vegaEmbed and the table renderer: no rows, a line saying so. */
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
        return vegaEmbed(el, spec, options)
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
