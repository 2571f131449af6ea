// The libraries under comparison, as globals for harness.html (bundled by esbuild; sigma ships no browser build).
import cytoscape from 'cytoscape';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';

window.NetworkLibraries = { cytoscape, Graph, forceAtlas2, Sigma };
