// The verify page's "Remember this browser" for the passkey button: django-otp-webauthn's
// script posts only the passkey's answer, so the choice travels in a short-lived cookie
// that the passkey view reads once (accounts/passkeys.py). It is a preference only: the
// server remembers the browser only when the passkey has just been verified.
(() => {
  const box = document.getElementById("id_remember");
  if (!box) {
    return;
  }
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  const sync = () => {
    const age = box.checked ? 600 : 0;
    document.cookie =
      `communique_mfa_remember_choice=${box.checked ? "1" : ""}; path=/admin/mfa/; ` +
      `max-age=${age}; SameSite=Strict${secure}`;
  };
  box.addEventListener("change", sync);
  sync();
})();
