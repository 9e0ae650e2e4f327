/**
 * The banner under the header that tells someone their password was set by another route than
 * their own change in this browser (see password-notice.ts), until they dismiss it.
 */
import { useState } from 'react'
import { useSession } from '../session'
import { Button } from '../ui/controls'
import {
  describePasswordChange,
  isNoticeDue,
  markPasswordChangeSeen,
  seenPasswordChange,
} from './password-notice'

export function PasswordChangeBanner() {
  const { user, passwordChange } = useSession()
  // Bumped on dismissal so the banner reads the remembered change again.
  const [, setDismissals] = useState(0)
  if (!user || !passwordChange) return null
  if (!isNoticeDue(passwordChange, new Date(), seenPasswordChange(user.id))) return null
  const dismiss = () => {
    markPasswordChangeSeen(user.id, passwordChange.at)
    setDismissals((n) => n + 1)
  }
  return (
    <section className="notice info password-banner" aria-label="Your password was changed">
      <p>{describePasswordChange(passwordChange)}</p>
      <Button onClick={dismiss}>Dismiss</Button>
    </section>
  )
}
