// siterank report: draws the embedded data (see core/src/export/export_report.cpp)
// with Leaflet and links the map, the ranking table and the breakdown panel.
// Text from the data goes into the page with textContent only, never as HTML.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('siterank-data').textContent);
  const features = data.parcels.features;
  const explanations = data.explanations;

  // ---- small DOM helpers -------------------------------------------------
  function el(tag, attrs, children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else e.setAttribute(k, v);
    }
    for (const c of children || []) e.append(c);
    return e;
  }
  // Numbers as the CLI's text outputs show them: fixed decimals, n/a for missing.
  function fixed(v, decimals) {
    if (v === null || v === undefined || Number.isNaN(v)) return 'n/a';
    const s = Number(v).toFixed(decimals);
    return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
  }
  function cell(text, cls) {
    return el('td', cls ? { class: cls, text: String(text) } : { text: String(text) });
  }

  // ---- header and project ----------------------------------------------
  const prof = data.profile;
  document.getElementById('title').textContent = prof.name;
  document.getElementById('subtitle').textContent =
    data.dataset.name + ': ' + data.summary.ranked + ' ranked, ' + data.summary.vetoed +
    ' vetoed of ' + data.summary.parcels_loaded + ' parcels loaded (' +
    data.summary.parcels_read + ' read)';
  const facts = document.getElementById('profile-facts');
  const industry = prof.industry + (prof.industry_zh ? ' (' + prof.industry_zh +
    (prof.industry_en ? ', ' + prof.industry_en : '') + ')' : '');
  for (const [k, v] of [['project', prof.name], ['industry', industry], ['type', prof.type],
    ['profile', prof.file], ['dataset', data.dataset.name]]) {
    if (v) facts.append(el('dt', { text: k }), el('dd', { text: v }));
  }
  const m = data.methods;
  const weighting = m.weighting.method + (m.weighting.method === 'ahp'
    ? ', CR ' + fixed(m.weighting.cr, 3) + ' (RI: ' + m.weighting.random_index_table + ')' : '');
  facts.append(el('dt', { text: 'weights' }), el('dd', { id: 'weighting', text: weighting }),
    el('dt', { text: 'score' }), el('dd', { id: 'aggregation', text: m.formula }));
  const weights = document.querySelector('#weights tbody');
  for (const c of data.criteria) {
    weights.append(el('tr', { 'data-criterion': c.name }, [
      cell(c.name), cell(fixed(100 * c.weight, 1) + ' %', 'num'), cell(c.raw_weight, 'num')]));
  }

  // ---- map ---------------------------------------------------------------
  // No tile layer: the map shows the dataset's own layers only, so the file
  // works offline and tells no server where the user is looking.
  const map = L.map('map', { zoomSnap: 0.25, attributionControl: true });
  map.attributionControl.addAttribution('siterank');

  const platforms = L.geoJSON(data.platforms, {
    style: { color: '#333', weight: 2, dashArray: '6 4', fill: false, className: 'sr-platform' },
    onEachFeature: (f, layer) => layer.bindTooltip(f.properties.name || '', { sticky: true }),
  });

  // Reference layers in a fixed palette, in the order the dataset lists them.
  const palette = ['#1f78b4', '#6a3d9a', '#e31a1c', '#ff7f00', '#33a02c', '#b15928', '#a6cee3',
    '#cab2d6'];
  const references = data.layers.map((layer, i) => ({
    layer,
    colour: palette[i % palette.length],
    leaflet: L.geoJSON(layer.features, {
      pointToLayer: (f, latlng) => L.circleMarker(latlng, {
        radius: 4, color: '#222', weight: 1, fillColor: palette[i % palette.length],
        fillOpacity: 0.9, className: 'sr-reference',
      }),
      onEachFeature: (f, l) => l.bindTooltip((f.properties.name || '') + ' (' + layer.role + ')'),
    }),
  }));

  // Isochrones (siterank report --isochrones): one polygon per facility and
  // time limit, the shortest limit darkest and drawn on top; off until the
  // reader switches them on.
  const iso = data.isochrones || null;
  const isoBlues = ['#08306b', '#08519c', '#2171b5', '#4292c6', '#6baed6', '#9ecae1'];
  const isoColour = (minutes) =>
    isoBlues[Math.min(iso.minutes.indexOf(minutes), isoBlues.length - 1)];
  const isochrones = iso && L.geoJSON(
    // Longest first, so the shorter ones lie over them.
    iso.features.features.filter((f) => f.geometry !== null)
      .sort((a, b) => b.properties.minutes - a.properties.minutes), {
      style: (f) => ({
        color: isoColour(f.properties.minutes), weight: 1, fillColor: isoColour(f.properties.minutes),
        fillOpacity: 0.2, className: 'sr-isochrone',
      }),
      onEachFeature: (f, l) => l.bindTooltip((f.properties.name || iso.role + ' ' + f.properties.facility) +
        ': ' + f.properties.minutes + ' min by road (' + fixed(f.properties.area_km2, 1) + ' km²)',
      { sticky: true }),
    });

  const parcelStyle = (f) => ({
    color: f.properties.stroke, fillColor: f.properties.fill, fillOpacity: 0.7, weight: 1,
    className: 'sr-parcel',
  });
  const parcelLayers = [];
  const parcels = L.geoJSON(data.parcels, {
    style: parcelStyle,
    onEachFeature: (f, layer) => {
      const index = parcelLayers.length;
      parcelLayers.push(layer);
      layer.bindTooltip(label(index), { sticky: true });
      layer.on('click', () => select(index, 'map'));
    },
  });

  platforms.addTo(map);
  parcels.addTo(map);
  for (const r of references) r.leaflet.addTo(map);
  const everything = L.featureGroup([platforms, parcels]);
  const bounds = everything.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] });
  else map.setView([0, 0], 2);
  L.control.scale({ imperial: false }).addTo(map);

  function label(i) {
    const e = explanations[i];
    return (e.vetoed ? 'vetoed ' : '#' + e.rank + ' ') + e.parcel_id +
      (e.vetoed ? '' : ', score ' + fixed(e.score, 2));
  }

  // ---- legend with layer switches ------------------------------------------
  const Legend = L.Control.extend({
    options: { position: 'bottomright' },
    onAdd: function () {
      const box = el('div', { class: 'sr-legend' });
      box.append(el('h3', { text: 'score' }));
      const ramp = data.ramp;
      for (let k = ramp.length - 1; k >= 0; --k) {
        const to = k + 1 < ramp.length ? '< ' + ramp[k + 1].from : '100';
        box.append(el('div', {}, [el('span', { class: 'swatch', style: 'background:' + ramp[k].colour }),
          ramp[k].from + ' – ' + to]));
      }
      box.append(el('div', {}, [el('span', { class: 'swatch', style: 'background:' + data.vetoed_colour }),
        'vetoed']));
      box.append(el('h3', { text: 'layers' }));
      const toggle = (text, marker, layer, on = true) => {
        const input = el('input', { type: 'checkbox' });
        input.checked = on;
        input.addEventListener('change', () => {
          if (input.checked) layer.addTo(map); else map.removeLayer(layer);
        });
        box.append(el('label', {}, [input, ' ', marker, text]));
      };
      toggle('parcels', el('span', { class: 'swatch', style: 'background:' + ramp[ramp.length - 1].colour }), parcels);
      if (data.platforms.features.length) toggle('platforms', el('span', { class: 'line' }), platforms);
      for (const r of references) {
        toggle(r.layer.name + ' (' + r.layer.features.features.length + ')',
          el('span', { class: 'dot', style: 'background:' + r.colour }), r.leaflet);
      }
      if (isochrones) {
        toggle('isochrones: ' + iso.role + ' (' + iso.minutes.join(', ') + ' min)',
          el('span', { class: 'swatch', style: 'background:' + isoColour(iso.minutes[0]) }),
          isochrones, false);
        for (const minutes of iso.minutes) {
          box.append(el('div', { class: 'sr-isochrone-key' }, [
            el('span', { class: 'swatch', style: 'background:' + isoColour(minutes) }),
            '≤ ' + minutes + ' min']));
        }
      }
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    },
  });
  new Legend().addTo(map);

  // ---- ranking table ---------------------------------------------------------
  const rows = [];
  const tbody = document.querySelector('#ranking tbody');
  explanations.forEach((e, i) => {
    const colour = features[i].properties.fill;
    const tr = el('tr', { 'data-parcel-id': e.parcel_id, class: e.vetoed ? 'vetoed' : '' }, [
      cell(e.vetoed ? 'vetoed' : e.rank, 'num'),
      el('td', {}, [el('span', { class: 'swatch', style: 'background:' + colour }), e.parcel_id]),
      cell(e.platform), cell(e.land_use), cell(e.status), cell(fixed(e.area_mu, 1), 'num'),
      cell(e.vetoed ? '–' : fixed(e.score, 2), 'num')]);
    tr.addEventListener('click', () => select(i, 'table'));
    rows.push(tr);
    tbody.append(tr);
  });

  // ---- breakdown ---------------------------------------------------------------
  function breakdown(i) {
    const e = explanations[i];
    const box = document.getElementById('breakdown');
    box.replaceChildren(el('h2', { text: 'Breakdown' }));
    box.append(el('div', { class: 'parcel-id', text: e.parcel_id + (e.name ? ' ' + e.name : '') }));
    const where = [e.platform, e.district, e.land_use && 'land use ' + e.land_use,
      e.status && 'status ' + e.status, fixed(e.area_mu, 2) + ' 亩'].filter(Boolean);
    box.append(el('div', { text: where.join(', ') }));
    if (e.vetoed) {
      box.append(el('p', { class: 'verdict vetoed', text: 'Vetoed, not ranked:' }));
      const list = el('ul', { class: 'vetoes' });
      for (const v of e.vetoes) list.append(el('li', { text: v.criterion + ': ' + v.reason }));
      box.append(list);
    } else {
      box.append(el('p', {
        class: 'verdict',
        text: 'rank ' + e.rank + ' of ' + data.summary.ranked + ', score ' + fixed(e.score, 2) +
          ' = ' + data.methods.formula,
      }));
    }
    const table = el('table', { class: 'numbers criteria' }, [el('thead', {}, [el('tr', {}, [
      el('th', { text: 'criterion' }), el('th', { class: 'num', text: 'score' }),
      el('th', { class: 'num', text: '× weight' }), el('th', { class: 'num', text: '= contribution' }),
      el('th', { text: 'factors' })])])]);
    const body = el('tbody');
    e.criteria.forEach((c, k) => {
      // Factor values per parcel; their names, units and descriptions once per criterion.
      const specs = data.criteria[k].factors;
      const factors = el('td', { class: 'factors' });
      c.factors.forEach((value, f) => {
        const spec = specs[f];
        // A feature factor comes as the feature's name (a station, a firm).
        const shown = typeof value === 'string' ? value : fixed(value, 2) + (spec.unit ? ' ' + spec.unit : '');
        const span = el('span', { text: spec.name + ' ' + shown });
        if (spec.description) span.title = spec.description;
        factors.append(span);
      });
      body.append(el('tr', { 'data-criterion': c.criterion }, [
        cell(c.criterion), cell(fixed(c.score, 2), 'num score'), cell(fixed(c.weight, 3), 'num weight'),
        cell(c.contribution === null ? '–' : fixed(c.contribution, 2), 'num contribution'), factors]));
    });
    table.append(body);
    box.append(table);
  }

  // ---- selection links the three -------------------------------------------------
  let selected = -1;
  function select(i, from) {
    if (selected >= 0) {
      rows[selected].classList.remove('selected');
      parcelLayers[selected].setStyle(parcelStyle(features[selected]));
    }
    selected = i;
    rows[i].classList.add('selected');
    const layer = parcelLayers[i];
    layer.setStyle({ color: '#000', weight: 4 });
    layer.bringToFront();
    if (from === 'table') map.fitBounds(layer.getBounds(), { maxZoom: 17, padding: [40, 40] });
    else rows[i].scrollIntoView({ block: 'nearest' });
    breakdown(i);
  }

  // ---- optional online basemap (off unless the user adds one) ---------------------
  let basemap = null;
  const urlInput = document.getElementById('basemap-url');
  const addButton = document.getElementById('basemap-add');
  const removeButton = document.getElementById('basemap-remove');
  addButton.addEventListener('click', () => {
    const url = urlInput.value.trim();
    if (!/^https?:\/\//.test(url) || !['{z}', '{x}', '{y}'].every((k) => url.includes(k))) {
      urlInput.setCustomValidity('an http(s) URL with {z}, {x} and {y}');
      urlInput.reportValidity();
      return;
    }
    urlInput.setCustomValidity('');
    if (basemap) map.removeLayer(basemap);
    // Leaflet shows attributions as HTML: the host goes in escaped.
    const host = url.replace(/^https?:\/\/([^/]*).*$/, '$1').replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');
    basemap = L.tileLayer(url, { maxZoom: 19, attribution: 'basemap: ' + host });
    basemap.addTo(map).bringToBack();
    removeButton.disabled = false;
  });
  removeButton.addEventListener('click', () => {
    if (basemap) map.removeLayer(basemap);
    basemap = null;
    removeButton.disabled = true;
  });
})();
