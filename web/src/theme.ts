import type { ThemeConfig } from 'antd';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fa8',
    borderRadius: 6,
    fontFamily:
      "'Noto Sans', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#14325c', headerPadding: '0 20px' },
    Menu: { darkItemBg: '#14325c', darkSubMenuItemBg: '#0f2747', darkItemSelectedBg: '#1f5fa8' },
  },
};
