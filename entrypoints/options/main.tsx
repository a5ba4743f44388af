import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { optionsApi } from './api';
import './style.css';

render(<OptionsApp api={optionsApi} />, document.getElementById('app')!);
// Links like options.html#diagnostics (from the popup) land on their section once rendered.
if (location.hash) setTimeout(() => document.querySelector(location.hash)?.scrollIntoView(), 300);
